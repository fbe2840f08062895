using System.Diagnostics;
using System.Runtime;
using System.Globalization;
using XenConfig.Devices;
using XenConfig.Domain;
using XenConfig.Fstab;
using XenConfig.Fstab.Syntax;
using XenConfig.Grub;
using XenConfig.Text;

namespace XenConfig.Benchmarks;

/// <summary>
/// <c>throughput KIND [-r ROUNDS] [-t SECONDS] [-n PASSES] [-l LABEL] PATH...</c>: the in-process parse rate of one
/// parser, timed like the reference parsers' benches of the peer harness (<c>bench_common.h</c> line format), so that its
/// <c>RESULT</c> and <c>CPURATE</c> lines sit beside theirs, plus an <c>ALLOC</c> line.
/// </summary>
/// <remarks>
/// Each parse does what the matching peer does: decode the bytes, build the lossless document, and read the values the
/// peer reads (xl: name, kernel, vif and disk items, like <c>xlu_bench</c>; <c>xl-disk</c> parses each disk item
/// into a typed <see cref="DiskSpec"/> instead, straight from the document, like <c>xlu_bench -d</c>; fstab: source, target, type and options of every
/// entry, decoded, like <c>mnt_bench</c>; grub: title, kernel, arguments and initrd of every entry, like
/// <c>pygrub_bench.py</c>). CPU time is the process's, so garbage collection and JIT threads count against us.
/// </remarks>
internal static class Throughput
{
    private const string Usage = "usage: throughput xl|xl-disk|fstab|grub [-r ROUNDS] [-t SECONDS] [-n PASSES] [-l LABEL] PATH...";

    // Large enough for the 100 MB rows; the default limits exist for untrusted files, not for this measurement.
    private static readonly DomainConfigParseOptions DomainOptions = new() { MaxLength = int.MaxValue };

    private static long s_sink;

    public static int Run(string[] args)
    {
        if (args.Length < 2 || !TryReadOptions(args, out var options))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Func<byte[], long>? parse = options.Kind switch
        {
            "xl" => bytes => ParseDomain(bytes, withDisks: false),
            "xl-disk" => bytes => ParseDomain(bytes, withDisks: true),
            "fstab" => ParseFstab,
            "grub" => ParseGrub,
            _ => null,
        };
        if (parse is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var inputs = options.Paths.SelectMany(Expand).Select(File.ReadAllBytes).ToArray();
        if (inputs.Length == 0)
        {
            Console.Error.WriteLine("error: no input files in " + string.Join(' ', options.Paths));
            return 2;
        }

        var peer = options.Kind switch
        {
            "xl" => "XenConfig",
            "xl-disk" => "XenConfig+disk",
            "fstab" => "XenConfig-fstab",
            _ => "XenConfig-grub",
        };
        Measure(peer, options.Label ?? options.Paths[0], inputs, parse, options);
        return 0;
    }

    private static void Measure(string peer, string label, byte[][] inputs, Func<byte[], long> parse, Options options)
    {
        var totalBytes = inputs.Sum(i => (long)i.Length);
        void Pass()
        {
            foreach (var input in inputs)
            {
                s_sink += parse(input);
            }
        }

        // The C peers are compiled ahead of time; give the JIT its final tiers before timing. Tier-1 code is compiled in
        // the background (after 30 calls and a 100 ms delay) and its CPU time counts, so warming for a fixed time is not
        // enough on a loaded machine: there the first pass alone took over 0.5 s, leaving one untimed-in-advance pass
        // per round and rates of a third. Warm until no method has been compiled for 0.3 s (at least 0.5 s and three
        // passes, at most 20 s); the length of one pass comes from the passes after the first.
        var warmUp = Stopwatch.StartNew();
        var onePass = TimeSpan.MaxValue;
        var warmPasses = 0;
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastCompile = TimeSpan.Zero;
        while (true)
        {
            var start = warmUp.Elapsed;
            Pass();
            var end = warmUp.Elapsed;
            if (++warmPasses > 1)
            {
                onePass = TimeSpan.FromTicks(Math.Min(onePass.Ticks, (end - start).Ticks));
            }

            var nowCompiled = JitInfo.GetCompiledMethodCount();
            if (nowCompiled != compiled)
            {
                (compiled, lastCompile) = (nowCompiled, end);
            }

            var settled = warmPasses >= 3 && end.TotalSeconds >= 0.5 && (end - lastCompile).TotalSeconds >= 0.3;
            if (settled || end.TotalSeconds >= 20)
            {
                break;
            }
        }

        var passes = options.Passes > 0 ? options.Passes : Math.Max(1, (long)(options.TargetSeconds / Math.Max(onePass.TotalSeconds, 1e-9)));
        var wallRates = new double[options.Rounds];
        var cpuRates = new double[options.Rounds];
        var gcCounts = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
        var pause0 = GC.GetTotalPauseDuration();
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var wall0 = Stopwatch.GetTimestamp();
        var cpu0 = Environment.CpuUsage.TotalTime;
        for (var round = 0; round < options.Rounds; round++)
        {
            var roundWall = Stopwatch.GetTimestamp();
            var roundCpu = Environment.CpuUsage.TotalTime;
            for (var pass = 0; pass < passes; pass++)
            {
                Pass();
            }

            var files = (double)inputs.Length * passes;
            wallRates[round] = files / Stopwatch.GetElapsedTime(roundWall).TotalSeconds;
            cpuRates[round] = files / Math.Max((Environment.CpuUsage.TotalTime - roundCpu).TotalSeconds, 1e-9);
        }

        var wall = Stopwatch.GetElapsedTime(wall0).TotalSeconds;
        var cpuShare = (Environment.CpuUsage.TotalTime - cpu0).TotalSeconds / wall;
        var parses = (double)options.Rounds * passes * inputs.Length;
        var allocatedPerParse = (GC.GetTotalAllocatedBytes(precise: true) - allocated0) / parses;
        var pauseShare = (GC.GetTotalPauseDuration() - pause0).TotalSeconds / wall;

        Array.Sort(wallRates);
        Array.Sort(cpuRates);
        var bytesPerFile = (double)totalBytes / inputs.Length;
        var median = Median(wallRates);
        var cpuMedian = Median(cpuRates);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Join('\t', "RESULT", peer, label, inputs.Length.ToString(c), totalBytes.ToString(c), passes.ToString(c),
            options.Rounds.ToString(c), median.ToString("F1", c), (median * bytesPerFile / 1e6).ToString("F2", c),
            wallRates[0].ToString("F1", c), wallRates[^1].ToString("F1", c), "-", cpuShare.ToString("F2", c)));
        Console.WriteLine(string.Join('\t', "CPURATE", peer, label, cpuMedian.ToString("F1", c), (cpuMedian * bytesPerFile / 1e6).ToString("F2", c),
            cpuRates[0].ToString("F1", c), cpuRates[^1].ToString("F1", c)));

        // ALLOC peer set bytes_per_parse bytes_per_input_byte gen0 gen1 gen2 gc_pause_share (collections over the timed rounds).
        Console.WriteLine(string.Join('\t', "ALLOC", peer, label, allocatedPerParse.ToString("F0", c), (allocatedPerParse / bytesPerFile).ToString("F2", c),
            (GC.CollectionCount(0) - gcCounts.Gen0).ToString(c), (GC.CollectionCount(1) - gcCounts.Gen1).ToString(c),
            (GC.CollectionCount(2) - gcCounts.Gen2).ToString(c), pauseShare.ToString("F2", c)));
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{peer} on {label}: {median:F0} files/s, {median * bytesPerFile / 1e6:F2} MB/s (median of {options.Rounds} rounds x {passes} passes), {allocatedPerParse / bytesPerFile:F2} B allocated per input byte, GC pauses {pauseShare:P0} of wall time (sink {s_sink % 10})"));
    }

    private static long ParseDomain(byte[] bytes, bool withDisks)
    {
        var document = DomainConfigDocument.Parse(SourceText.FromMemory(bytes), DomainOptions);
        long sink = 0;
        sink += document.GetValue("name")?.Text?.Length ?? 0;
        sink += document.GetValue("kernel")?.Text?.Length ?? 0;
        if (document.GetValue("vif") is { IsList: true } vifs)
        {
            foreach (var vif in vifs.Items)
            {
                sink += vif.Text?.Length ?? 0;
            }
        }

        if (document.GetValue("disk") is { IsList: true } disks)
        {
            foreach (var disk in disks.Items)
            {
                if (disk.IsList)
                {
                    continue;
                }

                // xl-disk parses the item where it lies in the document (the spec's strings are made when read);
                // xl reads the item's text.
                sink += withDisks
                    ? DiskSpec.TryParse(disk, out var parsed, out _) ? (int)parsed.Format : -1
                    : disk.Text!.Length;
            }
        }

        return sink;
    }

    private static long ParseFstab(byte[] bytes)
    {
        var document = FstabDocument.Parse(SourceText.FromMemory(bytes));
        long sink = 0;
        foreach (var line in document.EntryLines)
        {
            // The values as FstabField.Value reads them, without a field object per value (GetValue).
            sink += line.GetValue(FstabFieldKind.Source)!.Length + line.GetValue(FstabFieldKind.Target)!.Length
                + line.GetValue(FstabFieldKind.FileSystemType)!.Length + (line.GetValue(FstabFieldKind.Options)?.Length ?? 0);
        }

        return sink;
    }

    private static long ParseGrub(byte[] bytes)
    {
        var document = GrubMenuDocument.Parse(SourceText.FromMemory(bytes));
        long sink = 0;
        foreach (var entry in document.Entries)
        {
            sink += entry.Title.Length + (entry.Kernel?.Path.Length ?? 0) + (entry.Kernel?.ArgumentsText?.Length ?? 0) + (entry.Initrd?.Length ?? 0);
        }

        return sink;
    }

    /// <summary>A file, or every regular file directly inside a folder, by name (as the C benches' scandir).</summary>
    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal) : [path];

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static bool TryReadOptions(string[] args, out Options options)
    {
        options = new Options { Kind = args[1] };
        for (var i = 2; i < args.Length; i++)
        {
            var hasValue = i + 1 < args.Length;
            switch (args[i])
            {
                case "-r" when hasValue && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var rounds) && rounds > 0:
                    options.Rounds = rounds;
                    i++;
                    break;
                case "-t" when hasValue && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options.TargetSeconds = seconds;
                    i++;
                    break;
                case "-n" when hasValue && long.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var passes) && passes > 0:
                    options.Passes = passes;
                    i++;
                    break;
                case "-l" when hasValue:
                    options.Label = args[i + 1];
                    i++;
                    break;
                default:
                    if (args[i].StartsWith('-'))
                    {
                        return false;
                    }

                    options.Paths.Add(args[i]);
                    break;
            }
        }

        return options.Paths.Count > 0;
    }

    private sealed class Options
    {
        public required string Kind { get; init; }

        public int Rounds { get; set; } = 5;

        public double TargetSeconds { get; set; } = 0.5;

        public long Passes { get; set; }

        public string? Label { get; set; }

        public List<string> Paths { get; } = [];
    }
}
