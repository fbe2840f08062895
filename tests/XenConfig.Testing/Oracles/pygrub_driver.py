#!/usr/bin/env python3
"""Reads a JSON array of menu.lst texts on stdin and prints, for each, what pygrub's GrubConf.GrubConfigFile makes of
it: {"images": [{title, root, kernel, args, initrd}], "default", "boot", "timeout"} or {"error": "..."}.

argv[1] is the folder holding the `grub` package (XENCONFIG_PYGRUB_DIR); argv[2], when it is "grub2", reads the texts
as GRUB 2 grub.cfg files with GrubConf.Grub2ConfigFile instead. `boot` is the image pygrub's non-interactive
selection boots (Grub.image_index() followed by run_grub's IndexError fallback to entry 0).
"""
import json
import logging
import sys

sys.path.insert(0, sys.argv[1])
logging.disable(logging.CRITICAL)
from grub.GrubConf import Grub2ConfigFile, GrubConfigFile  # noqa: E402

CONFIG_FILE = Grub2ConfigFile if sys.argv[2:] == ["grub2"] else GrubConfigFile


def describe(text):
    try:
        cf = CONFIG_FILE()
        cf.parse(text)
    except Exception as e:  # pygrub fails on the whole file
        return {"error": "%s: %s" % (type(e).__name__, e)}
    images = []
    for img in cf.images:
        images.append({
            "title": img.title,
            "root": repr(img.root) if img.root is not None else None,
            "kernel": img.kernel[1] if img.kernel is not None else None,
            "args": img.args,
            "initrd": img.initrd[1] if img.initrd is not None else None,
        })
    default = cf.default
    boot = None
    if images:
        boot = default if default <= len(images) else 0
        if boot >= len(images):
            boot = 0
    timeout = cf.timeout if isinstance(cf.timeout, str) else None
    return {"images": images, "default": str(default), "boot": boot, "timeout": timeout}


def main():
    texts = json.load(sys.stdin)
    json.dump([describe(t) for t in texts], sys.stdout)


main()
