#!/usr/bin/env python3
"""Refreshes the screen captures in docs/user-guide.md from the screen snapshots.

Each capture in the guide is a fenced ``text`` block right after a marker line
``<!-- capture: NAME -->``; its content is replaced by
Tests/TUITests/__Snapshots__/NAME.txt without the styles section and with trailing
blanks removed, so the guide shows exactly what the snapshot tests check.

    scripts/user-guide-captures.py          rewrite the guide
    scripts/user-guide-captures.py --check  exit 1 if any capture is stale
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "user-guide.md"
SNAPSHOTS = ROOT / "Tests" / "TUITests" / "__Snapshots__"
STYLES = "──── styles ────"
BLOCK = re.compile(r"(<!-- capture: ([\w.-]+) -->\n```text\n)(.*?)(```)", re.S)


def capture(name: str) -> str:
    text = (SNAPSHOTS / f"{name}.txt").read_text(encoding="utf-8")
    text = text.split("\n" + STYLES + "\n")[0]
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def main() -> int:
    guide = GUIDE.read_text(encoding="utf-8")
    missing = []

    def replace(match: re.Match) -> str:
        name = match.group(2)
        if not (SNAPSHOTS / f"{name}.txt").exists():
            missing.append(name)
            return match.group(0)
        return match.group(1) + capture(name) + match.group(4)

    updated = BLOCK.sub(replace, guide)
    if missing:
        print("no snapshot for: " + ", ".join(missing), file=sys.stderr)
        return 1
    if "--check" in sys.argv[1:]:
        if updated != guide:
            print("docs/user-guide.md captures are stale: run scripts/user-guide-captures.py", file=sys.stderr)
            return 1
        return 0
    GUIDE.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
