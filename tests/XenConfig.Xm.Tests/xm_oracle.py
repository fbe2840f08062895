"""Runs xm configs the way xend's `xm create` did and prints what it collected. Runs under Python 2.7 (xend's own
interpreter, the exact oracle) and python3 (an oracle for the part of the language where both agree).

Input (stdin): JSON {"cases": [{"text": "...", "vars": {"vmid": "1"}, "file": "path"}]}.
Output (stdout): JSON list, one entry per case:
  {"ok": true, "settings": [[name, value], ...]} or {"ok": false, "error": "NameError", "message": "..."}
where a value is {"t": text, "num": bool} for an atom (as XenConfig's SettingValue holds it) or a list of values.

The prologue mirrors xen/xm/opts.py load(): import sys, os, os.path, from xen.util.ip import * (which brings re and
NBE_BRIDGE), xm_file, xm_help, xm_vars (xen.xm.help.Vars).
Hosts are faked like XmEvaluationOptions.Default: os.uname() is fixed and os.path.exists() answers False.
"""
from __future__ import print_function

import json
import os as real_os
import re
import sys
import types

UNAME = ("Linux", "localhost", "3.16.0-4-amd64", "#1 SMP Debian 3.16.7", "x86_64")
INT64 = (-(2 ** 63), 2 ** 63 - 1)
PY2 = sys.version_info[0] == 2
INTEGER_TYPES = (int, long) if PY2 else (int,)  # noqa: F821 - long exists on Python 2


def native(text):
    """JSON strings are unicode on Python 2; xend handed the script byte strings."""
    return text.encode("utf-8") if PY2 else text


class Stream:
    def write(self, text):
        pass

    def flush(self):
        pass


def make_modules():
    path = types.ModuleType("os.path")
    path.exists = path.isfile = path.isdir = path.islink = lambda p: False
    path.join = real_os.path.join
    path.basename = real_os.path.basename
    path.dirname = real_os.path.dirname
    path.sep = "/"
    fake_os = types.ModuleType("os")
    fake_os.uname = lambda: UNAME
    fake_os.path = path
    fake_os.sep = "/"
    fake_os.name = "posix"
    fake_os.environ = {}
    fake_os.getenv = lambda key, default=None: default
    fake_sys = types.ModuleType("sys")
    fake_sys.platform = "linux2"
    fake_sys.maxint = 2 ** 63 - 1
    fake_sys.version = "2.7.18"
    fake_sys.argv = ["/usr/sbin/xm", "create"]
    fake_sys.stderr = Stream()
    fake_sys.stdout = Stream()
    fake_sys.exit = sys.exit
    return {"os": fake_os, "os.path": path, "re": re, "sys": fake_sys}


class Vars:
    """xen.xm.help.Vars: var() records, check() runs env[name] = check(name, env.get(name))."""

    def __init__(self, name, help, env):
        self.name = name
        self.help = help
        self.env = env
        self.vars = []

    def var(self, name, use=None, check=None):
        self.vars.append((name, use, check))

    def check(self):
        for name, use, check in self.vars:
            if check is None:
                continue
            self.env[name] = check(name, self.env.get(name))


def py2_float_str(value):
    text = "%.12g" % value
    if text in ("inf", "-inf", "nan"):
        return text
    if "." not in text and "e" not in text:
        text += ".0"
    return text


def atom(text, num=False):
    return {"t": text, "num": num}


def convert_item(value):
    if type(value) is str:
        return atom(value)
    if type(value) in INTEGER_TYPES and INT64[0] <= value <= INT64[1]:
        return atom(str(value), value >= 0)
    if type(value) is float:
        return atom(py2_float_str(value))
    if type(value) in (list, tuple):
        return [convert_item(item) for item in value]
    if type(value) is bool:
        return atom(str(value))
    return atom(str(value))


def run(case):
    modules = make_modules()

    def fake_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name not in modules:
            raise ImportError("No module named " + name)
        if name == "os.path" and not fromlist:
            return modules["os"]
        return modules[name]

    builtins = dict(__builtins__.__dict__) if hasattr(__builtins__, "__dict__") else dict(__builtins__)
    builtins["__import__"] = fake_import
    builtins["print"] = lambda *a, **k: None
    globs = {"__builtins__": builtins}
    locs = {}
    for name, value in case.get("vars", {}).items():
        locs[native(name)] = native(value)
    prologue = "\n".join(["import sys", "import os", "import os.path", "xm_file = %r" % native(case.get("file", "")),
                          "xm_help = 0"])
    exec(prologue, globs, locs)
    # from xen.util.ip import *: its module imports and NBE_BRIDGE come along (functions omitted: host-dependent).
    locs.update({"re": re, "socket": types.ModuleType("socket"), "NBE_BRIDGE": "xen-br0"})
    locs["xm_vars"] = Vars(case.get("file", ""), 0, locs)
    originals = {name: locs[name] for name in ("xm_file", "xm_help", "NBE_BRIDGE")}
    saved_stdout = sys.stdout
    sys.stdout = Stream()  # Python 2 print statements write here, not into the JSON answer
    try:
        # Bytes, as execfile read them: Python 2 then applies its source encoding rules (PEP 263).
        code = compile(case["text"].encode("utf-8"), native(case.get("file") or "<config>"), "exec", 0, True)
        exec(code, globs, locs)
    except Exception as ex:  # noqa: BLE001 - every exception is a result here
        return {"ok": False, "error": type(ex).__name__, "message": str(ex)}
    finally:
        sys.stdout = saved_stdout
    settings = {}
    for name, value in list(locs.items()):
        if name in originals and value is originals[name]:
            continue
        if type(value) is int and not (INT64[0] <= value <= INT64[1]):
            continue  # python3: an int Python 2 would have made a long, which xend dropped
        if type(value) in (str, list, int, float):
            settings[name] = convert_item(value)
    for name, value in case.get("vars", {}).items():
        settings[native(name)] = atom(native(value))
    return {"ok": True, "settings": [[k, v] for k, v in settings.items()]}


def main():
    request = json.load(sys.stdin)
    results = []
    for case in request["cases"]:
        try:
            results.append(run(case))
        except RuntimeError as ex:  # recursion
            results.append({"ok": False, "error": "RecursionError", "message": str(ex)})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
