# contenders.sh - puts XenConfig beside the reference parsers in one run of the peer harness
# (its run_all.sh sources this file after timing the peers; see benchmarks/README.md).
#
# Needs: a Release build of benchmarks/XenConfig.Benchmarks (built here if missing) and, for the whole-process rows,
# a native xenconfig (XENCONFIG_NATIVE, default: src/XenConfig.Cli/bin/Release/net10.0/linux-x64/publish/xenconfig,
# skipped when absent). Set XENCONFIG_HUGE=0 to skip the 100 MB rows (they take a few minutes and ~1.5 GB of RAM), and
# XENCONFIG_PAIRS to the number of peer/contender alternations per input set (default 3; 1 in --quick runs).
# Runs in run_all.sh's shell: bench, oneshot, the input variables and ROUNDS/TARGET come from there.

XENCONFIG_ROOT=${XENCONFIG_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
[ -f "$XENCONFIG_ROOT/XenConfig.sln" ] || XENCONFIG_ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
XENCONFIG_BENCH=$XENCONFIG_ROOT/benchmarks/XenConfig.Benchmarks/bin/Release/net10.0/XenConfig.Benchmarks.dll
XENCONFIG_NATIVE=${XENCONFIG_NATIVE:-$XENCONFIG_ROOT/src/XenConfig.Cli/bin/Release/net10.0/linux-x64/publish/xenconfig}
if [ ! -f "$XENCONFIG_BENCH" ]; then
    echo "== building XenConfig.Benchmarks (Release)"
    dotnet build "$XENCONFIG_ROOT/benchmarks/XenConfig.Benchmarks" -c Release -nologo -v quiet >/dev/null
fi
XC=(dotnet "$XENCONFIG_BENCH" throughput)
PAIRS=${XENCONFIG_PAIRS:-$([ "$ROUNDS" = 1 ] && echo 1 || echo 3)}

# The real-world corpus of the repository (the issue's "real corpus" column), one folder per format.
CORPUS=$XENCONFIG_ROOT/tests/data/corpus
REALXL=$(mktemp -d) REALFSTAB=$CORPUS/fstab REALGRUB=$(mktemp -d)
# Only the xl files libxlutil accepts (xlu_bench -c); pygrub likewise. Both peers must take every input.
for f in "$CORPUS"/xl/*; do build/xlu_bench -d -c "$f" >/dev/null 2>&1 && cp "$f" "$REALXL/"; done
for f in "$CORPUS"/grub/*; do "${PYGRUB[@]}" -c "$f" >/dev/null 2>&1 && cp "$f" "$REALGRUB/"; done
REALFSTABOK=$(mktemp -d)
for f in "$REALFSTAB"/*; do build/mnt_bench -c "$f" >/dev/null 2>&1 && cp "$f" "$REALFSTABOK/"; done

# 100 MB inputs: the 1 MB files' bodies repeated (the xl file stays one config with one long disk list).
HUGE=inputs/huge
if [ "${XENCONFIG_HUGE:-1}" != 0 ] && [ ! -f "$HUGE/huge.cfg" ]; then
    mkdir -p "$HUGE"
    "$PYTHON" - "$BIGXL" "$BIGFSTAB" "$BIGGRUB" "$HUGE" <<'EOF'
import sys
xl, fstab, grub, out = sys.argv[1:]
lines = open(xl).read().split("\n")
start, end = lines.index("disk = [") + 1, lines.index("]")
with open(out + "/huge.cfg", "w") as f:
    f.write("\n".join(lines[:start]) + "\n")
    for _ in range(100):
        f.write("\n".join(lines[start:end]) + "\n")
    f.write("\n".join(lines[end:]))
body = open(fstab).read()
with open(out + "/fstab", "w") as f:
    f.write(body * 100)
text = open(grub).read()
head, _, entries = text.partition("\n\n")
with open(out + "/menu.lst", "w") as f:
    f.write(head + "\n\n" + ("\n" + entries.strip("\n") + "\n") * 100)
EOF
fi

# 10 KB inputs from the 1 MB generators (100 files each): the issue's time-per-byte goal compares the 100 MB file with
# these, so both ends come from the same generator and only the size differs.
SMALL=inputs/small10k
if [ ! -d "$SMALL/xl" ]; then
    mkdir -p "$SMALL/xl" "$SMALL/fstab" "$SMALL/grub"
    "$PYTHON" - "$SMALL" <<'EOF'
import random, sys
import gen_inputs as g
out = sys.argv[1]
g.BIG_BYTES = 10_000
for i in range(100):
    for kind, make in (("xl", g.xl_big), ("fstab", g.fstab_big), ("grub", g.menu_lst_big)):
        random.seed(1000 + i)
        g.write("%s/%s/%03d" % (out, kind, i), make())
EOF
fi

echo "== XenConfig throughput (rounds=$ROUNDS, ~${TARGET}s each, $PAIRS alternations)"
# Each peer is timed again right before its contender, PAIRS times alternating: the machine's speed drifts by tens of
# percent over the minutes of a run (pygrub's rate on the same files moved 12 -> 35 MB per CPU s between minutes), so
# ratios.sh takes the median of the ratios of adjacent peer/contender rows instead of trusting one pairing.
for ((pass = 1; pass <= PAIRS; pass++)); do
    for set in "xl $XL" "big-xl $BIGXL" "real-xl $REALXL"; do
        read -r label path <<<"$set"
        bench build/xlu_bench "$label" "$path"
        bench "${XC[@]}" xl "$label" "$path"
        bench build/xlu_bench -d "$label" "$path"
        bench "${XC[@]}" xl-disk "$label" "$path"
    done
    for set in "fstab $FSTAB" "big-fstab $BIGFSTAB" "real-fstab $REALFSTABOK"; do
        read -r label path <<<"$set"
        bench build/mnt_bench "$label" "$path"
        bench "${XC[@]}" fstab "$label" "$path"
    done
    for set in "grub $GRUB" "big-grub $BIGGRUB" "real-grub $REALGRUB"; do
        read -r label path <<<"$set"
        bench "${PYGRUB[@]}" "$label" "$path"
        bench "${XC[@]}" grub "$label" "$path"
    done
done
if [ -f "$HUGE/huge.cfg" ]; then
    # Time per byte: the 10 KB files right before the 100 MB file, for each kind. The 100 MB rows are one parse per
    # round (seconds each), so they swing the most between minutes (fstab: 113 MB per CPU s in one table, 188-192 alone
    # minutes later): like the other cells they are timed PAIRS times alternating and ratios.sh takes the medians.
    for ((pass = 1; pass <= PAIRS; pass++)); do
        bench "${XC[@]}" xl small10k-xl "$SMALL/xl"
        bench "${XC[@]}" xl-disk small10k-xl "$SMALL/xl"
        bench "${XC[@]}" fstab small10k-fstab "$SMALL/fstab"
        bench "${XC[@]}" grub small10k-grub "$SMALL/grub"
        ROUNDS_SAVED=$ROUNDS TARGET_SAVED=$TARGET ROUNDS=3 TARGET=0.01
        bench build/xlu_bench huge-xl "$HUGE/huge.cfg"
        bench "${XC[@]}" xl huge-xl "$HUGE/huge.cfg"
        bench build/xlu_bench -d huge-xl "$HUGE/huge.cfg"
        bench "${XC[@]}" xl-disk huge-xl "$HUGE/huge.cfg"
        bench build/mnt_bench huge-fstab "$HUGE/fstab"
        bench "${XC[@]}" fstab huge-fstab "$HUGE/fstab"
        bench "${PYGRUB[@]}" huge-grub "$HUGE/menu.lst"
        bench "${XC[@]}" grub huge-grub "$HUGE/menu.lst"
        ROUNDS=$ROUNDS_SAVED TARGET=$TARGET_SAVED
    done
fi

if [ -x "$XENCONFIG_NATIVE" ]; then
    echo "== XenConfig whole process"
    # One guest: its domain config, fstab and menu.lst in one folder (validate reads them as one guest).
    GUEST=$(mktemp -d)
    cp "$X" "$GUEST/guest.cfg" && cp "$F" "$GUEST/fstab" && cp "$G" "$GUEST/menu.lst"
    # The goal's ratio compares runs of the same minutes: findmnt is timed again right before each validate (ratios.sh
    # pairs them; the machine's speed drifts by a third within minutes).
    for pair in $(seq "$PAIRS"); do
        oneshot "findmnt --verify" fstab "$F" findmnt --verify --tab-file "$F"
        oneshot "xenconfig validate guest (native)" fstab "$F" "$XENCONFIG_NATIVE" validate "$GUEST"
    done
    oneshot "xenconfig validate fstab (native)" fstab "$F" "$XENCONFIG_NATIVE" validate "$F"
    oneshot "xenconfig show --format json (native)" xl "$X" "$XENCONFIG_NATIVE" show "$X" --format json
    rm -rf "$GUEST"
fi
rm -rf "$REALXL" "$REALGRUB" "$REALFSTABOK"
