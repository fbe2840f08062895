using System.Diagnostics;

namespace XenConfig.Fuzz;

/// <summary>
/// Fallback when AFL cannot run: a seeded, coverage-blind mutation loop over a seed folder. Each input runs on a worker
/// thread with a 5 s limit; an exception or a timeout is saved under DIR/../loop-findings and the loop goes on.
/// </summary>
internal static class MutationLoop
{
    private static readonly string[] Tokens =
    [
        "=", "[", "]", "(", ")", ",", "'", "\"", "\"\"\"", "'''", "\\", "\n", "\r\n", "#", " ", "\t", "0x", "-", "+=", ":", "{", "}",
        "%s", "%", "*", "..", "/", "title ", "kernel ", "module ", "menuentry ", "vdev=", "target=", "mac=", "bridge=",
        "0000:00:00.0", "cpus=", "- ", "config:", "fstab:", "menu:", "~", "&a", "*a", "!!str", "\u00e9", "\0", "\uffff",
    ];

    public static int Run(Action<byte[]> target, string seedDir, double seconds, int seed)
    {
        var seeds = Directory.GetFiles(seedDir).Select(File.ReadAllBytes).ToList();
        if (seeds.Count == 0)
        {
            seeds.Add([]);
        }

        var findings = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(seedDir))!, "loop-findings");
        Directory.CreateDirectory(findings);
        var random = new Random(seed);
        var stopwatch = Stopwatch.StartNew();
        long executions = 0, crashes = 0, hangs = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            executions++;
            Exception? failure = null;
            var worker = new Thread(() =>
            {
                try
                {
                    target(input);
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            }, 64 * 1024 * 1024) { IsBackground = true };
            worker.Start();
            if (!worker.Join(TimeSpan.FromSeconds(5)))
            {
                hangs++;
                File.WriteAllBytes(Path.Combine(findings, $"hang-{executions}"), input);
                Console.Error.WriteLine($"hang after 5 s, saved hang-{executions}; stopping (the thread cannot be killed)");
                break;
            }

            if (failure is not null)
            {
                var key = failure.GetType().FullName + " " + failure.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
                if (seen.Add(key))
                {
                    crashes++;
                    File.WriteAllBytes(Path.Combine(findings, $"crash-{executions}"), input);
                    Console.Error.WriteLine($"crash-{executions}: {key}");
                }
            }
        }

        Console.WriteLine($"executions: {executions}, distinct crashes: {crashes}, hangs: {hangs}, seconds: {stopwatch.Elapsed.TotalSeconds:F0}");
        return crashes + hangs == 0 ? 0 : 1;
    }

    private static byte[] Mutate(byte[] data, Random random)
    {
        var list = new List<byte>(data);
        var rounds = 1 + random.Next(8);
        for (var i = 0; i < rounds; i++)
        {
            var position = list.Count == 0 ? 0 : random.Next(list.Count + 1);
            switch (random.Next(6))
            {
                case 0 when list.Count > 0:
                    list[Math.Min(position, list.Count - 1)] = (byte)random.Next(256);
                    break;
                case 1 when list.Count > 0:
                    list.RemoveRange(Math.Min(position, list.Count - 1), Math.Min(1 + random.Next(16), list.Count - Math.Min(position, list.Count - 1)));
                    break;
                case 2:
                    list.InsertRange(position, System.Text.Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 3 when list.Count > 0:
                    var start = random.Next(list.Count);
                    var length = Math.Min(1 + random.Next(64), list.Count - start);
                    list.InsertRange(position, list.GetRange(start, length));
                    break;
                case 4:
                    list.Insert(position, (byte)"\n\"'[](),=\\#"[random.Next(11)]);
                    break;
                default:
                    if (list.Count > 0)
                    {
                        list.RemoveRange(position == list.Count ? position - 1 : position, 1);
                    }

                    break;
            }
        }

        return [.. list];
    }
}
