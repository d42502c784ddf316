#!/usr/bin/env python3
"""Start-up of two or more parallax binaries measured interleaved (issue 11).

Usage: nice -n 19 python3 scripts/startup-interleaved.py RUNS BIN [BIN ...]

For each run, each binary in turn (then `wc -w` on the same files) on the
samples and on two one-line articles; prints wall and CPU (user + system,
from wait4) medians. Alternating the binaries makes before/after figures
comparable on a shared, loaded machine, where separate runs are not. For
reading only: budgets are judged by scripts/bench-startup.sh."""
import os, shutil, subprocess, sys, time, statistics, tempfile
if len(sys.argv) < 3:
    sys.exit(__doc__)
bins = sys.argv[2:]
runs = int(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tmp = tempfile.mkdtemp()
open(f'{tmp}/a.txt','w').write('The Dravik dam burst on Tuesday and 300 people left their homes.\n')
open(f'{tmp}/b.txt','w').write('The Dravik dam broke on Tuesday and 350 people fled their homes.\n')
samples = f'{root}/assets/samples/dravik-dam'
sample_files = sorted(os.path.join(samples, f) for f in os.listdir(samples) if f.endswith(('.txt', '.md')))
sets = {'samples': ([samples], sample_files), 'one-liners': ([f'{tmp}/a.txt', f'{tmp}/b.txt'], [f'{tmp}/a.txt', f'{tmp}/b.txt'])}
def run(argv):
    t = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    return (time.perf_counter() - t) * 1000, (ru.ru_utime + ru.ru_stime) * 1000
res = {}
for i in range(runs + 3):
    for name, (inputs, files) in sets.items():
        for b in bins + ['wc']:
            argv = ['wc', '-w'] + files if b == 'wc' else [b, '--no-config', '--no-review', '--export', '-', '--format', 'json'] + inputs
            w, c = run(argv)
            if i >= 3:
                res.setdefault((name, b), []).append((w, c))
print(f'{runs} interleaved runs, load {os.getloadavg()}')
print('| set | binary | wall median (ms) | CPU median (ms) |')
print('|---|---|---:|---:|')
for (name, b), v in res.items():
    print(f'| {name} | {os.path.basename(b)} | {statistics.median(x[0] for x in v):.1f} | {statistics.median(x[1] for x in v):.1f} |')
shutil.rmtree(tmp)
