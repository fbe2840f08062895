#!/usr/bin/env bash
# process.sh - the whole-process rows of benchmarks/README.md: the native xenconfig against findmnt and, for memory,
# the peak RSS of `show --format json`, CPU time (user + system) per process with start-up included.
#
# usage: benchmarks/process.sh GUEST_DIR [BIG_FILE...]
#   GUEST_DIR  a folder with one guest's domain config (*.cfg), fstab and menu.lst (e.g. three files of gen_inputs.py)
#   BIG_FILE   files for the peak-memory rows of `show FILE --format json` (e.g. 10 MB xl config and fstab)
# Needs the published native binary (XENCONFIG_NATIVE, default below), hyperfine and perf; RUNS (default 50) per row.
# On a shared machine run it several times and compare rows of the same run only (xenconfig and findmnt alternate).
set -eu   # no pipefail: validate exits 1 on findings, findmnt on unreachable sources
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
XC=${XENCONFIG_NATIVE:-$ROOT/src/XenConfig.Cli/bin/Release/net10.0/linux-x64/publish/xenconfig}
RUNS=${RUNS:-50}
[ $# -ge 1 ] || { sed -n '4,7p' "$0" >&2; exit 2; }
GUEST=$1; shift
[ -x "$XC" ] || { echo "no native binary at $XC: dotnet publish src/XenConfig.Cli -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc" >&2; exit 2; }
FSTAB=$GUEST/fstab CFG=$(ls "$GUEST"/*.cfg | head -1)

# What the loader has to do before Main: PIE or not (the tool runs as root in dom0 and keeps ASLR), dynamic relocations.
readelf -d "$XC" | awk '/FLAGS_1/ { f = $0 } /RELACOUNT|RELRSZ/ { gsub(/[()]/, "", $2); r = r " " $2 "=" $3 } END { sub(/.*Flags: /, "", f); printf "binary: %s, %.1f MB, flags %s,%s\n", XC, size / 1048576, f, r }' XC="$XC" size="$(stat -c %s "$XC")"

# The dehydrated runtime data: .hydrated is what the runtime expands at every start; with the CLI's prefault (Native/ in
# src/XenConfig.Cli) it lies in a 2 MB margin and should cost a few transparent huge pages per start instead of 4 KB faults.
hydrated=$(readelf -SW "$XC" | awk '$2 == ".hydrated" { print $6 }')
[ -z "$hydrated" ] || awk -v b=$((16#$hydrated)) 'BEGIN { printf ".hydrated: %.1f MB with its margins (zero-initialised, expanded at start-up)\n", b / 1048576 }'
thp() { awk '$1 == "thp_fault_alloc" { print $2 }' /proc/vmstat; }
before=$(thp); "$XC" --version >/dev/null; after=$(thp)
echo "transparent huge pages faulted in by one start: $((after - before)) (others' processes may add to it)"

# CPU ms per process (task-clock: user + system of the process) and page faults, from perf stat over RUNS runs.
row() {
    local label=$1; shift
    perf stat -x, -e task-clock,page-faults -r "$RUNS" "$@" 2>&1 >/dev/null | awk -F, -v l="$label" '
        $3 == "task-clock" { ms = $1 } $3 == "page-faults" { pf = $1 }
        END { printf "%-44s %8.2f CPU ms %6d page faults\n", l, ms, pf }'
}
row "findmnt --verify --tab-file FSTAB" findmnt --verify --tab-file "$FSTAB"
row "xenconfig validate GUEST" "$XC" validate "$GUEST"
row "xenconfig validate FSTAB" "$XC" validate "$FSTAB"
row "xenconfig --version" "$XC" --version
row "xenconfig show CFG --format json" "$XC" show "$CFG" --format json
row "findmnt --verify --tab-file FSTAB (again)" findmnt --verify --tab-file "$FSTAB"
# Wall clock and the user/system split, for the README table.
hyperfine -N -i -w 5 -r "$RUNS" --style basic "findmnt --verify --tab-file $FSTAB" "$XC validate $GUEST" 2>/dev/null \
    | grep -E 'Benchmark|Time'

for big in "$@"; do
    kb=$( { /usr/bin/time -f %M "$XC" show "$big" --format json >/dev/null; } 2>&1 | tail -1)
    bytes=$(stat -c %s "$big")
    awk -v f="$big" -v kb="$kb" -v b="$bytes" 'BEGIN { printf "peak RSS of show %s --format json: %.0f MB (%.1fx the input)\n", f, kb / 1024, kb * 1024 / b }'
done
