#!/usr/bin/env python3
"""Prints the shape of the production code: files and lines per feature folder, and which folder uses which.

Used by docs/code-map.md (issue 17's before/after). Run from anywhere: scripts/code-map.py [project folder]
A folder "uses" another when one of its files names the other's namespace (a using line or a qualified name).
"""
import collections
import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
project = os.path.join(root, sys.argv[1] if len(sys.argv) > 1 else "functions/Ratsworkflow.Functions")
namespace = "Ratsworkflow." + os.path.basename(os.path.normpath(project)).split(".", 1)[1]

files = collections.Counter()
lines = collections.Counter()
long_lines = 0
uses = collections.defaultdict(set)
for directory, subdirs, names in os.walk(project):
    subdirs[:] = [d for d in subdirs if d not in ("bin", "obj", "wwwroot")]
    for name in names:
        if not name.endswith((".cs", ".cshtml")):
            continue
        relative = os.path.relpath(os.path.join(directory, name), project)
        folder = relative.split(os.sep)[0] if os.sep in relative else "(root)"
        text = open(os.path.join(directory, name), encoding="utf-8").read()
        files[folder] += 1
        lines[folder] += text.count("\n")
        long_lines += sum(1 for line in text.splitlines() if len(line) > 150)
        for used in re.findall(re.escape(namespace) + r"\.(\w+)", text):
            if used != folder:
                uses[folder].add(used)

print(f"{'folder':<16} {'files':>5} {'lines':>6}  uses")
for folder in sorted(files):
    print(f"{folder:<16} {files[folder]:>5} {lines[folder]:>6}  {', '.join(sorted(uses[folder])) or '-'}")
print(f"{'total':<16} {sum(files.values()):>5} {sum(lines.values()):>6}  lines over 150 characters: {long_lines}")
