#!/usr/bin/env bash
# Side by side: Xen's own parser (libxlutil) and XenConfig's DomainConfigDocument on the same files, in one run.
# Needs libxen-dev and gcc (apt-get install libxen-dev gcc). Usage: benchmarks/compare/compare.sh [ITERATIONS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
iterations=${1:-200}
data=$root/tests/data
mapfile -t files < <(find "$data/corpus/xl" "$data/corpus/xm" -type f | sort)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/xlu_parse_loop" "$here/xlu_parse_loop.c" -lxlutil -lxenlight

dotnet build "$root/benchmarks/XenConfig.Benchmarks" -c Release -nologo -v quiet >/dev/null
ours=$(dotnet run -c Release --no-build --project "$root/benchmarks/XenConfig.Benchmarks" -- parse-loop "$iterations" "${files[@]}")
theirs=$("$work/xlu_parse_loop" "$iterations" "${files[@]}")

rate() { awk -v line="$1" 'BEGIN { split(line, f, /[ =]/); printf "%.1f", f[2] / f[4] / 1e6 }'; }
echo "${#files[@]} files x $iterations passes"
echo "libxlutil 4.17 (C, flex/bison): $theirs  $(rate "$theirs") MB/s"
echo "XenConfig (C#, lossless tree):  $ours  $(rate "$ours") MB/s"
awk -v a="$ours" -v b="$theirs" 'BEGIN { split(a, x, /[ =]/); split(b, y, /[ =]/); printf "ratio (libxlutil time / XenConfig time): %.2f\n", y[4] / x[4] }'
