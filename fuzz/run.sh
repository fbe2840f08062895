#!/usr/bin/env bash
# Fuzzes one XenConfig parser with SharpFuzz + AFL++ for a bounded time.
#   fuzz/run.sh TARGET SECONDS          AFL++ (installs afl++ from Debian if missing)
#   fuzz/run.sh TARGET SECONDS --loop   fallback: in-process mutation loop, no AFL
# Targets: xl xm fstab grub grub2 disk vif pci cpus cmdline yaml.
# Output (not committed): fuzz/out/TARGET/findings/default/{crashes,hangs,queue}, fuzz/out/TARGET/fuzzer_stats.txt.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
target=${1:?usage: fuzz/run.sh TARGET SECONDS [--loop]}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS [--loop]}
mode=${3:-afl}
data=$repo/tests/data
out=$here/out
bin=$out/bin
work=$out/$target

# 1. Tools: AFL++ from Debian, SharpFuzz.CommandLine from the local tool manifest.
if [ "$mode" != "--loop" ] && ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
(cd "$here" && dotnet tool restore >/dev/null)

# 2. Build into a fresh folder and instrument the XenConfig libraries only (not the framework, not SharpFuzz,
#    not Sprache/YamlDotNet). A fresh folder each time: an instrumented DLL cannot be instrumented twice.
if [ ! -f "$bin/.instrumented" ] || [ -n "$(find "$repo/src" "$here/XenConfig.Fuzz" -name '*.cs*' -newer "$bin/.instrumented" -print -quit)" ]; then
  rm -rf "$bin"
  dotnet build "$here/XenConfig.Fuzz/XenConfig.Fuzz.csproj" -c Release -o "$bin" -nologo -v q
  for dll in XenConfig.dll XenConfig.Fstab.dll XenConfig.Grub.dll XenConfig.Yaml.dll; do
    (cd "$here" && dotnet sharpfuzz "$bin/$dll")
  done
  touch "$bin/.instrumented"
fi

# 3. Seeds: the corpus and spec examples for the document parsers, fuzz/seeds for the rest (files <= 32 KiB).
rm -rf "$work"
mkdir -p "$work/seeds"
case "$target" in
  xl)    dirs=("$data/corpus/xl" "$data/spec-examples/xen-domain") ;;
  xm)    dirs=("$data/corpus/xm" "$data/spec-examples/xen-domain") ;;
  fstab) dirs=("$data/corpus/fstab" "$data/spec-examples/fstab") ;;
  grub)  dirs=("$data/corpus/grub" "$data/spec-examples/grub") ;;
  grub2) dirs=("$data/corpus/grub2" "$here/seeds/grub2") ;;
  *)     dirs=("$here/seeds/$target") ;;
esac
n=0
for d in "${dirs[@]}"; do
  [ -d "$d" ] || continue
  while IFS= read -r -d '' f; do
    n=$((n + 1)); cp "$f" "$work/seeds/$n-$(basename "$f")"
  done < <(find "$d" -type f -size -33k -print0)
done
[ "$n" -gt 0 ] || printf 'x' > "$work/seeds/empty"
echo "target $target: $(ls "$work/seeds" | wc -l) seeds, $seconds s"

# 4. Fuzz.
if [ "$mode" = "--loop" ]; then
  dotnet "$bin/XenConfig.Fuzz.dll" "$target" --loop "$work/seeds" "$seconds" | tee "$work/loop.txt"
  exit 0
fi
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export AFL_FAST_CAL=1 AFL_IGNORE_SEED_PROBLEMS=1 DOTNET_TieredPGO=0
afl-fuzz -V "$seconds" -i "$work/seeds" -o "$work/findings" -t "${AFL_TIMEOUT_MS:-5000}" -m none \
  -- dotnet "$bin/XenConfig.Fuzz.dll" "$target" > "$work/afl.log" 2>&1 || { tail -30 "$work/afl.log"; exit 1; }
stats=$work/findings/default/fuzzer_stats
cp "$stats" "$work/fuzzer_stats.txt"
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|paths_total|saved_crashes|saved_hangs|unique_crashes|unique_hangs)\b' "$stats" || cat "$stats"
ls "$work/findings/default/crashes" "$work/findings/default/hangs" 2>/dev/null | grep -v README || true
