#!/usr/bin/env bash
# Screenshots for the README, made from the bundled samples so they stay
# current: the reader driven in tmux at 120x35 (text screens, and one PNG of
# the coloured screen), and the HTML report in headless Chromium.
#
#   scripts/screenshots.sh            # writes docs/screenshots/
#
# Needs tmux, python3 and Chromium (`chromium`, `chromium-browser`,
# `google-chrome`, or PARALLAX_CHROMIUM=/path). Uses a fresh data folder and
# no user configuration, so reviews and settings of your own never show.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/screenshots"
samples="$root/assets/samples/dravik-dam"
mkdir -p "$out"

browser="${PARALLAX_CHROMIUM:-}"
if [ -z "$browser" ]; then
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null; then browser="$(command -v "$name")"; break; fi
  done
fi
for tool in tmux python3; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is needed" >&2; exit 1; }
done
[ -n "$browser" ] || { echo "screenshots.sh: Chromium is needed (or set PARALLAX_CHROMIUM)" >&2; exit 1; }

(cd "$root" && cargo build --release --quiet)
bin="$root/target/release/parallax"

work="$(mktemp -d)"
session="parallax-shots-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Headless Chromium: a screenshot of a page (file, PNG, width,height).
shoot() {
  local profile
  profile="$(mktemp -d "$work/profile.XXXX")"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$2" --window-size="$3" "file://$1" >/dev/null 2>&1
}

# --- The reader, in tmux at 120x35 -----------------------------------------
export PARALLAX_DATA_DIR="$work/data" PARALLAX_CACHE_DIR="$work/cache"
tmux new-session -d -s "$session" -x 120 -y 35 \
  "env TERM=xterm-256color COLORTERM=truecolor '$bin' --no-config '$samples'"
wait_for() { # a string to appear on the screen
  for _ in $(seq 1 100); do
    tmux capture-pane -t "$session" -p | grep -q -- "$1" && return 0
    sleep 0.1
  done
  echo "screenshots.sh: the reader never showed '$1'" >&2
  tmux capture-pane -t "$session" -p >&2
  exit 1
}
capture() { # name: the text screen, and the coloured one for the PNG
  sleep 0.4
  tmux capture-pane -t "$session" -p >"$out/$1.txt"
  tmux capture-pane -t "$session" -p -e >"$work/$1.ansi"
}

wait_for "discrepancies"
tmux send-keys -t "$session" n
capture reader
tmux send-keys -t "$session" d
capture reader-list
tmux send-keys -t "$session" d Enter
capture reader-detail
tmux send-keys -t "$session" Escape '?'
capture reader-help
tmux send-keys -t "$session" Escape q

# The coloured screen as a PNG: the ANSI capture drawn as HTML.
python3 - "$work/reader-list.ansi" "$work/reader.html" <<'PY'
import html, re, sys

PALETTE = [(0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188),
           (17, 168, 205), (229, 229, 229), (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
           (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255)]

def indexed(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[n // 6 % 6], steps[n % 6]
    grey = 8 + 10 * (n - 232)
    return grey, grey, grey

def colour(codes, i):
    if codes[i + 1] == 5:
        return indexed(codes[i + 2]), i + 3
    return tuple(codes[i + 2:i + 5]), i + 5

state = {}
def apply(params):
    codes = [int(c) if c else 0 for c in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0: state.clear()
        elif c in (1, 2, 3, 4, 7, 9): state[c] = True
        elif c == 22: state.pop(1, None); state.pop(2, None)
        elif c in (23, 24, 27, 29): state.pop(c - 20, None)
        elif 30 <= c <= 37: state["fg"] = PALETTE[c - 30]
        elif 90 <= c <= 97: state["fg"] = PALETTE[c - 82]
        elif 40 <= c <= 47: state["bg"] = PALETTE[c - 40]
        elif 100 <= c <= 107: state["bg"] = PALETTE[c - 92]
        elif c == 39: state.pop("fg", None)
        elif c == 49: state.pop("bg", None)
        elif c in (38, 48):
            rgb, i = colour(codes, i)
            state["fg" if c == 38 else "bg"] = rgb
            continue
        i += 1

def style():
    fg, bg = state.get("fg", (220, 220, 220)), state.get("bg")
    if state.get(7):
        fg, bg = (bg or (24, 24, 27)), fg
    css = [f"color:rgb{fg}"]
    if bg: css.append(f"background:rgb{bg}")
    if state.get(1): css.append("font-weight:bold")
    if state.get(2): css.append("opacity:.6")
    if state.get(3): css.append("font-style:italic")
    decorations = [d for k, d in ((4, "underline"), (9, "line-through")) if state.get(k)]
    if decorations: css.append("text-decoration:" + " ".join(decorations))
    return ";".join(css)

text = open(sys.argv[1], encoding="utf-8").read()
body = []
for line in text.rstrip("\n").split("\n"):
    spans = []
    for piece in re.split(r"(\x1b\[[0-9;]*m)", line):
        if piece.startswith("\x1b["):
            apply(piece[2:-1])
        elif piece:
            spans.append(f'<span style="{style()}">{html.escape(piece)}</span>')
    body.append("".join(spans))
page = ("<!doctype html><meta charset=utf-8><style>body{margin:0;background:#18181b}"
        "pre{margin:0;padding:10px 12px;font:15px/17px 'DejaVu Sans Mono',monospace;color:#dcdcdc}"
        "</style><pre>" + "\n".join(body) + "</pre>")
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY
shoot "$work/reader.html" "$out/reader.png" 1110,620

# --- The HTML report -------------------------------------------------------
"$bin" --quiet --no-config --export "$work/report.html" "$samples"
shoot "$work/report.html" "$out/report.png" 1400,1300

echo "wrote:"
ls -1 "$out"
