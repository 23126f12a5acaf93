#!/usr/bin/env python3
"""Shape of the app's code at a git revision (issue 17's before/after report): files and lines per feature folder of
functions/Ratsworkflow.Functions, and which folders each folder uses. Reads the revision from git, checks nothing out.

    python3 scripts/structure.py [REV]        # default HEAD
"""
import re
import subprocess
import sys
from collections import defaultdict

ROOT = "functions/Ratsworkflow.Functions/"
rev = sys.argv[1] if len(sys.argv) > 1 else "HEAD"


def git(*args):
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


files = [f for f in git("ls-tree", "-r", "--name-only", rev, ROOT).splitlines()
         if f.endswith((".cs", ".cshtml")) and "/bin/" not in f and "/obj/" not in f]
folders = sorted({f[len(ROOT):].split("/")[0] for f in files if "/" in f[len(ROOT):]})
stats = defaultdict(lambda: [0, 0, 0])  # files, lines, lines over 150 characters
uses = defaultdict(set)
for f in files:
    rest = f[len(ROOT):]
    folder = rest.split("/")[0] if "/" in rest else "(root)"
    text = git("show", f"{rev}:{f}")
    lines = text.splitlines()
    stats[folder][0] += 1
    stats[folder][1] += len(lines)
    stats[folder][2] += sum(1 for line in lines if len(line) > 150)
    # Code only: a doc comment's cref to another folder is not a use of it.
    code = "\n".join(line for line in lines if not line.lstrip().startswith(("//", "@*", "*")))
    for other in folders:
        if other != folder and re.search(rf"(Ratsworkflow\.Functions\.{other}\b|(?<![\w.]){other}\.[A-Z])", code):
            uses[folder].add(other)

print(f"## {rev} ({git('rev-parse', '--short', rev).strip()})\n")
print("| folder | files | lines | lines > 150 | uses folders |")
print("|---|---|---|---|---|")
for folder in sorted(stats):
    n, count, long = stats[folder]
    print(f"| {folder} | {n} | {count} | {long} | {len(uses[folder])}: {', '.join(sorted(uses[folder]))} |")
total = [sum(s[i] for s in stats.values()) for i in range(3)]
edges = sum(len(u) for u in uses.values())
print(f"| **all** | {total[0]} | {total[1]} | {total[2]} | {edges} folder-to-folder uses |")
