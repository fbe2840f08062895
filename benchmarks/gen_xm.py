#!/usr/bin/env python3
"""gen_xm.py - write xm (xend Python) domain configs of a given size, for the peak memory of `xenconfig show`.

usage: gen_xm.py OUTDIR [BYTES]      (BYTES: 10_000_000 by default; xm configs are refused above 16 MiB)

Shapes, all in the style of the xm corpus files (tests/data/corpus/xm), each valid Python 2 that xm would run:
  assign.cfg   many assignments: helper variables, % formatting, string concatenation, comments
  disk.cfg     one long disk = [...] list, one long item per line, a comment line every 50 items
  vif.cfg      one long vif = [...] list of 'mac=..., bridge=...' items built with % formatting, trailing comments
Lists stay under the evaluator's 65,536 values per option: LIST_ITEMS items, long enough to fill the size.
  mixed.cfg    an if/else on a variable, lists extended with +=, ints and arithmetic, comments
Deterministic (no randomness).
"""
import os
import sys

HEADER = '''#  -*- mode: python; -*-
#============================================================================
# Python configuration setup for 'xm create'.
#============================================================================
import os, re
arch = os.uname()[4]
if re.search('64', arch):
    arch_libdir = 'lib64'
else:
    arch_libdir = 'lib'

kernel = "/boot/vmlinuz-2.6.18-xen"
ramdisk = "/boot/initrd-2.6.18-xen.img"
memory = 512
name = "bigdomain"
vcpus = 2
root = "/dev/xvda1 ro"
extra = "console=hvc0 xencons=tty"
on_poweroff = 'destroy'
on_reboot = 'restart'
on_crash = 'restart'
'''


def mac(n):
    return f"00:16:3e:{(n >> 16) & 0xff:02x}:{(n >> 8) & 0xff:02x}:{n & 0xff:02x}"


def filled(head, size, chunk):
    """head, then chunk(0), chunk(1)... until the text has size characters."""
    out = [head]
    total = len(head)
    i = 0
    while total < size:
        out.append(chunk(i))
        total += len(out[-1])
        i += 1
    return "".join(out)


def assign(size):
    return filled(HEADER, size, lambda i:
                  f"# helper {i}: where the image of volume {i} lives\n"
                  f"base_{i} = '/var/lib/xen/images/' + name + '-vol{i}'\n"
                  f"size_{i} = {i % 97} * 1024 + {i % 13}\n"
                  f"label_{i} = \"vol%d-%s\" % ({i}, arch_libdir)\n")


LIST_ITEMS = 60_000


def long_id(i, width):
    return (f"{i:06d}-" + "0123456789abcdef" * (width // 16 + 1))[:width]


def disk(size):
    out = [HEADER, "disk = [\n"]
    width = (size - len(HEADER)) // LIST_ITEMS - 40
    for i in range(LIST_ITEMS):
        if i % 50 == 0:
            out.append(f"    # volumes {i} to {i + 49}\n")
        out.append(f"    'phy:/dev/disk/by-id/dm-uuid-{long_id(i, width)},xvd{chr(97 + i % 26)}{i // 26 % 15 + 1},w',\n")
    out.append("]\n")
    return "".join(out)


def vif(size):
    out = [HEADER, "bridge = 'xenbr0'\nvif = [\n"]
    width = (size - len(HEADER)) // LIST_ITEMS - 110
    for i in range(LIST_ITEMS):
        out.append(f"    'mac=%s, bridge=%s, script=%s' % ('{mac(i)}', bridge, '/etc/xen/scripts/vif-{long_id(i, width)}'),  # nic {i}\n")
    out.append("]\n")
    return "".join(out)


def mixed(size):
    return filled(HEADER + "disk = []\nvif = []\nbridge = 'xenbr0'\n", size, lambda i:
                  f"# guest volume {i}\n"
                  f"if vcpus > 1:\n"
                  f"    disk += ['phy:/dev/vg0/' + name + '-{i},xvd{chr(97 + i % 26)}{i // 26 % 15 + 1},w']\n"
                  f"else:\n"
                  f"    disk += ['file:/var/lib/xen/{i}.img,xvd{chr(97 + i % 26)}{i // 26 % 15 + 1},r']\n"
                  f"vif += ['mac={mac(i)}, bridge=%s' % bridge]\n"
                  f"memory = memory + {i % 3}\n")


def main():
    outdir = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
    os.makedirs(outdir, exist_ok=True)
    for name, make in [("assign", assign), ("disk", disk), ("vif", vif), ("mixed", mixed)]:
        with open(os.path.join(outdir, name + ".cfg"), "w") as f:
            f.write(make(size))


if __name__ == "__main__":
    main()
