#!/usr/bin/env bash
# ratios.sh BENCH_LOG - the table of CPU-time throughput ratios (XenConfig / reference parser, > 1 means XenConfig is
# faster) and bytes allocated per input byte, from the CPURATE and ALLOC lines of one run_all.sh run
# (results/bench.log). Each ratio compares rows of the same run on the same input set; where a parser timed one set
# twice, the later row counts (contenders.sh times each peer again right before its contender).
set -euo pipefail
awk -F'\t' '
$1 == "CPURATE" { rate[$2 "|" $3] = $5 }
$1 == "ALLOC"   { alloc[$2 "|" $3] = $5 }
END {
    split("xl:XenConfig:libxlutil xl+disk:XenConfig+disk:libxlutil+disk fstab:XenConfig-fstab:libmount grub:XenConfig-grub:pygrub-GrubConf", pairs, " ")
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
            a = rate[ours "|" sets[s]]; b = rate[peer "|" sets[s]]
            line = line " | " ((a != "" && b != "" && b > 0) ? sprintf("%.2fx", a / b) : "-")
            allocs = allocs (s > 1 ? " / " : "") (alloc[ours "|" sets[s]] != "" ? alloc[ours "|" sets[s]] : "-")
        }
        print line " | " allocs " |"
    }
    # Time per byte at 100 MB against 10 KB files of the same generator (the goal: within 1.3x).
    split("xl:XenConfig:xl xl+disk:XenConfig+disk:xl fstab:XenConfig-fstab:fstab grub:XenConfig-grub:grub", kinds, " ")
    times = ""
    for (p = 1; p <= 4; p++) {
        split(kinds[p], x, ":"); small = rate[x[2] "|small10k-" x[3]]; huge = rate[x[2] "|huge-" x[3]]
        if (small != "" && huge != "" && huge > 0) {
            times = times sprintf("%s%s %.2fx (%.1f / %.1f MB per CPU s)", times == "" ? "" : "; ", x[1], small / huge, small, huge)
        }
    }
    if (times != "") print "\nTime per byte, 100 MB against 10 KB files: " times "."
}' "$1"
