#!/usr/bin/env bash
# ratios.sh BENCH_LOG - the table of CPU-time throughput ratios (XenConfig / reference parser, > 1 means XenConfig is
# faster) and bytes allocated per input byte, from the CPURATE and ALLOC lines of one run_all.sh run
# (results/bench.log). Each XenConfig row is paired with the row its peer wrote last before it on the same input set
# (contenders.sh times the peer right before its contender, XENCONFIG_PAIRS times alternating); a cell is the median of
# those pairs' ratios, with their range when there is more than one pair. The whole-process line comes from the ONESHOT
# lines of raw.tsv beside BENCH_LOG: each native one-guest validate against the findmnt --verify timed last before it.
set -euo pipefail
awk -F'\t' '
function median(list, count,    i, j, t, v) {
    split(list, v, " ")
    for (i = 2; i <= count; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    low = v[1]; high = v[count]
    return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
}
BEGIN {
    split("xl:XenConfig:libxlutil xl+disk:XenConfig+disk:libxlutil+disk fstab:XenConfig-fstab:libmount grub:XenConfig-grub:pygrub-GrubConf", pairs, " ")
    for (p = 1; p <= 4; p++) { split(pairs[p], x, ":"); peerOf[x[2]] = x[3] }
}
$1 == "CPURATE" {
    key = $2 "|" $3
    rates[key] = rates[key] " " $5; nrates[key]++
    last[key] = $5
    if (($2 in peerOf) && last[peerOf[$2] "|" $3] > 0) {
        ratios[key] = ratios[key] " " $5 / last[peerOf[$2] "|" $3]; nratios[key]++
    }
}
$1 == "ALLOC" { alloc[$2 "|" $3] = $5 }
END {
    split("typical real 1MB 100MB", cols, " ")
    print "| parser | typical files | real corpus | 1 MB | 100 MB | allocated B per input byte (typical / real / 1 MB / 100 MB) |"
    print "|---|---:|---:|---:|---:|---|"
    for (p = 1; p <= 4; p++) {
        split(pairs[p], x, ":"); kind = x[1]; ours = x[2]; peer = x[3]
        base = kind == "xl+disk" ? "xl" : kind
        split(base " real-" base " big-" base " huge-" base, sets, " ")
        line = "| " ours " vs " peer
        allocs = ""
        for (s = 1; s <= 4; s++) {
            key = ours "|" sets[s]; cell = "-"
            if (nratios[key] > 0) {
                cell = sprintf("%.2fx", median(ratios[key], nratios[key]))
                if (nratios[key] > 1) cell = cell sprintf(" (%.2f-%.2f)", low, high)
            }
            line = line " | " cell
            allocs = allocs (s > 1 ? " / " : "") (alloc[key] != "" ? alloc[key] : "-")
        }
        print line " | " allocs " |"
    }
    # Time per byte at 100 MB against 10 KB files of the same generator (the goal: within 1.3x), medians of each side.
    split("xl:XenConfig:xl xl+disk:XenConfig+disk:xl fstab:XenConfig-fstab:fstab grub:XenConfig-grub:grub", kinds, " ")
    times = ""
    for (p = 1; p <= 4; p++) {
        split(kinds[p], x, ":"); small = x[2] "|small10k-" x[3]; huge = x[2] "|huge-" x[3]
        if (nrates[small] > 0 && nrates[huge] > 0) {
            s = median(rates[small], nrates[small]); h = median(rates[huge], nrates[huge])
            if (h > 0) times = times sprintf("%s%s %.2fx (%.1f / %.1f MB per CPU s)", times == "" ? "" : "; ", x[1], s / h, s, h)
        }
    }
    if (times != "") print "\nTime per byte, 100 MB against 10 KB files: " times "."
}' "$1"
RAW=$(dirname "$1")/raw.tsv
[ -f "$RAW" ] || exit 0
awk -F'\t' '
$1 == "ONESHOT" && $2 == "findmnt --verify" { findmnt = $13 }
$1 == "ONESHOT" && $2 == "xenconfig validate guest (native)" && findmnt > 0 {
    n++; ratio[n] = $13 / findmnt; pair[n] = sprintf("%s / %s", $13, findmnt)
}
END {
    if (n == 0) exit
    for (i = 2; i <= n; i++) for (j = i; j > 1 && ratio[j - 1] > ratio[j]; j--) {
        t = ratio[j]; ratio[j] = ratio[j - 1]; ratio[j - 1] = t; t = pair[j]; pair[j] = pair[j - 1]; pair[j - 1] = t
    }
    median = n % 2 ? ratio[(n + 1) / 2] : (ratio[n / 2] + ratio[n / 2 + 1]) / 2
    list = ""; for (i = 1; i <= n; i++) list = list (i > 1 ? ", " : "") pair[i]
    printf "\nWhole process: native validate of one guest against findmnt --verify of its fstab, CPU ms (user + system, hyperfine means): %s; median %.2fx (goal <= 2x).\n", list, median
}' "$RAW"
