"""Shrinks a fuzz finding: python3 fuzz/minimize.py TARGET FILE NEEDLE OUT (needs fuzz/out/bin from fuzz/run.sh)."""
import os
import subprocess
import sys

target, path, needle, out = sys.argv[1:5]
harness = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'out', 'bin', 'XenConfig.Fuzz.dll')
candidate = out + '.candidate'


def fails(data):
    with open(candidate, 'wb') as f:
        f.write(data)
    run = subprocess.run(['dotnet', harness, target, '--repro', candidate], capture_output=True, text=True, timeout=120)
    return needle in run.stdout


data = open(path, 'rb').read()
assert fails(data), 'the input does not reproduce'
changed = True
while changed:
    changed = False
    for size in (8, 4, 2, 1):
        i = 0
        while i < len(data):
            shorter = data[:i] + data[i + size:]
            if fails(shorter):
                data, changed = shorter, True
            else:
                i += 1
os.remove(candidate)
with open(out, 'wb') as f:
    f.write(data)
print(repr(data))
