#!/usr/bin/env python3
"""Import circles between the crate's modules, read from `use` lines.

Each file under src/ is one module (`src/a/b.rs` is `a::b`; `src/lib.rs`
and `src/main.rs` are the root). An edge `a -> b` is a `use crate::b…`,
`use super::…` or `use self::…` naming another module (a path is resolved
to the longest module it names). A parent naming its own children
(`mod x; use x::…`) and test modules (`tests.rs`, everything after
`#[cfg(test)]`) are left out: they are how Rust nests modules, not layering.

Usage: scripts/import-cycles.py [--all]   (--all also prints every edge)
Exits 1 and prints each circle when there is one.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"


def module_of(path: Path) -> tuple[str, ...]:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts in (("lib",), ("main",)):
        return ()
    return parts


def modules() -> dict[tuple[str, ...], Path]:
    return {module_of(p): p for p in ROOT.rglob("*.rs") if p.name != "tests.rs" and "tests" not in p.parts}


USE = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", re.M)
INLINE = re.compile(r"\b(crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")


def paths_in(text: str) -> list[str]:
    """Every `crate::…`/`super::…` path in use lines and in the code."""
    text = text.split("#[cfg(test)]")[0]
    text = re.sub(r"//[^\n]*", "", text)
    found = []
    for use in USE.findall(text):
        # Expand one level of braces: `crate::a::{b, c::d}`.
        use = re.sub(r"\s+", "", use)
        m = re.match(r"^(.*?)::\{(.*)\}$", use)
        if m:
            found += [f"{m.group(1)}::{item}" for item in split_top(m.group(2))]
        else:
            found.append(use)
    found += [m.group(1) + m.group(2) for m in INLINE.finditer(text)]
    return found


def split_top(items: str) -> list[str]:
    out, depth, current = [], 0, ""
    for c in items:
        if c == "," and depth == 0:
            out.append(current)
            current = ""
            continue
        depth += (c == "{") - (c == "}")
        current += c
    return out + [current] if current else out


def resolve(module: tuple[str, ...], path: str, known) -> tuple[str, ...] | None:
    parts = [p for p in re.split(r"::", path) if p and not p.startswith("{")]
    parts = [re.split(r"[{ ]", p)[0] for p in parts]
    if not parts:
        return None
    if parts[0] == "crate":
        base, rest = (), parts[1:]
    elif parts[0] == "super":
        base = module
        while parts and parts[0] == "super":
            base = base[:-1]
            parts = parts[1:]
        rest = parts
    elif parts[0] == "self":
        base, rest = module, parts[1:]
    else:
        return None
    target = base
    for part in rest:
        if target + (part,) in known:
            target = target + (part,)
        else:
            break
    return target


def main() -> int:
    known = modules()
    edges: dict[tuple[str, ...], set[tuple[str, ...]]] = {m: set() for m in known}
    for module, path in known.items():
        for used in paths_in(path.read_text(encoding="utf-8")):
            target = resolve(module, used, known)
            if target is None or target == module:
                continue
            # A module naming its own descendants, or its ancestors' own
            # items (`super::Thing` in a child), is nesting, not layering.
            if target[: len(module)] == module or module[: len(target)] == target:
                continue
            edges[module].add(target)
    if "--all" in sys.argv:
        for module in sorted(edges):
            for target in sorted(edges[module]):
                print(f"{'::'.join(module) or 'crate'} -> {'::'.join(target) or 'crate'}")
    name = lambda m: "::".join(m) or "crate"
    # Strongly connected components (Tarjan).
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in edges:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    for comp in out:
        inside = [f"{name(a)} -> {name(b)}" for a in comp for b in sorted(edges[a]) if b in comp]
        print("circle: " + ", ".join(name(m) for m in comp))
        for edge in inside:
            print(f"  {edge}")
    if not out:
        print(f"no import circle among {len(known)} modules")
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
