#!/usr/bin/env python3
"""xm_repo.py - turn the xl configs of a generated VM repository into xm (xend Python) configs, in place.

usage: xm_repo.py REPO      (e.g. after gen_repo.py REPO N, the peer harness's repository generator)

Each *.cfg becomes what an xm user would have written for it: `import os` first (so the file reads as Python, not xl),
`type = "pv"`/`"pvh"` as builder = 'linux' and `type = "hvm"` as builder = 'hvm', and the name built with %
formatting from its number. Everything else (uuid, disks, vifs, kernel, root) is kept, so the repository checks see
the same names, UUIDs, MACs and disks as in the xl repository.
"""
import os
import re
import sys

BUILDERS = {'"pv"': "'linux'", '"pvh"': "'linux'", '"hvm"': "'hvm'"}


def to_xm(text):
    out = ["import os"]
    for line in text.splitlines():
        m = re.match(r'\s*type\s*=\s*("\w+")', line)
        if m:
            out.append(f"builder = {BUILDERS[m.group(1)]}")
            continue
        m = re.match(r'\s*name\s*=\s*"(\D*)(\d+)"', line)
        if m:
            out.append(f"vmid = {int(m.group(2))}")
            out.append(f"name = '{m.group(1)}%0{len(m.group(2))}d' % vmid")
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def main():
    for folder, _, files in os.walk(sys.argv[1]):
        for file in files:
            if file.endswith(".cfg"):
                path = os.path.join(folder, file)
                with open(path) as f:
                    text = f.read()
                with open(path, "w") as f:
                    f.write(to_xm(text))


if __name__ == "__main__":
    main()
