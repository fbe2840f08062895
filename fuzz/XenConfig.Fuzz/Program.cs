using System.Diagnostics;
using SharpFuzz;
using XenConfig.Boot;
using XenConfig.Devices;
using XenConfig.Diagnostics;
using XenConfig.Domain.Model;
using XenConfig.Domain;
using XenConfig.Fstab;
using XenConfig.Grub.Grub2;
using XenConfig.Grub;
using XenConfig.Text;
using XenConfig.Xm;
using XenConfig.Yaml;

namespace XenConfig.Fuzz;

/// <summary>
/// One fuzz target per parser. Usage:
///   XenConfig.Fuzz TARGET                 AFL mode (SharpFuzz out-of-process), input on stdin / AFL shared memory
///   XenConfig.Fuzz TARGET --libfuzzer     libFuzzer mode (needs the libfuzzer-dotnet driver)
///   XenConfig.Fuzz TARGET --repro FILE..  runs the target once per file, prints the exception (exit 1) or "ok"
///   XenConfig.Fuzz TARGET --loop DIR SECONDS [SEED]   plain in-process mutation loop over DIR (fallback without AFL)
/// Any exception escaping a target is a finding; a property violation (round trip) throws FuzzPropertyException.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, Action<byte[]>> Targets = new(StringComparer.Ordinal)
    {
        ["xl"] = Xl,
        ["xm"] = Xm,
        ["fstab"] = Fstab,
        ["grub"] = Grub,
        ["grub2"] = Grub2,
        ["disk"] = bytes => Device<DiskSpec>(bytes, DiskSpec.TryParse),
        ["vif"] = bytes => Device<VifSpec>(bytes, VifSpec.TryParse),
        ["pci"] = bytes => Device<PciSpec>(bytes, PciSpec.TryParse),
        ["cpus"] = bytes => Device<CpuList>(bytes, CpuList.TryParse),
        ["cmdline"] = Cmdline,
        ["yaml"] = Yaml,
        // Checks the harness itself: a command line of three or more arguments must be reported as a crash.
        ["selftest"] = bytes =>
        {
            if (KernelCommandLine.Parse(SourceText.From(bytes).Content).Count >= 3)
            {
                throw new FuzzPropertyException("selftest crash");
            }
        },
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: XenConfig.Fuzz TARGET [--libfuzzer | --repro FILE... | --loop DIR SECONDS [SEED]]; targets: {string.Join(' ', Targets.Keys)}");
            return 2;
        }

        if (args.Length >= 2 && args[1] is "--repro" or "--loop")
        {
            // Outside AFL the instrumented assemblies still write to the coverage map: give them one.
            unsafe
            {
                SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
            }
        }

        if (args.Length >= 2 && args[1] == "--repro")
        {
            return Repro(target, args.Skip(2));
        }

        if (args.Length >= 4 && args[1] == "--loop")
        {
            return MutationLoop.Run(target, args[2], double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args.Length >= 5 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1);
        }

        if (args.Length >= 2 && args[1] == "--libfuzzer")
        {
            Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
            return 0;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            target(memory.ToArray());
        });
        return 0;
    }

    private static int Repro(Action<byte[]> target, IEnumerable<string> files)
    {
        var failed = 0;
        foreach (var file in files)
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                target(File.ReadAllBytes(file));
                Console.WriteLine($"ok   {file} ({stopwatch.ElapsedMilliseconds} ms)");
            }
            catch (Exception exception)
            {
                failed++;
                Console.WriteLine($"FAIL {file} ({stopwatch.ElapsedMilliseconds} ms): {exception}");
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static void Touch(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            _ = diagnostic.ToString();
        }
    }

    private static void RoundTrip(string expected, string actual, string what)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new FuzzPropertyException($"{what}: ToString() differs from the input (input {expected.Length} chars, output {actual.Length} chars)");
        }
    }

    private static void Xl(byte[] bytes)
    {
        var source = SourceText.From(bytes);
        var document = DomainConfigDocument.Parse(source);
        RoundTrip(source.Content, document.ToString(), "DomainConfigDocument");
        Touch(document.Diagnostics);
        _ = document.Settings.Count;
        var config = DomainConfig.FromDocument(document);
        foreach (var item in config.DiskItems)
        {
            _ = item.Value?.ToString();
        }

        foreach (var item in config.VifItems)
        {
            _ = item.Value?.ToString();
        }

        var cmdline = config.KernelCommandLine;
        if (cmdline is not null)
        {
            _ = KernelCommandLine.Parse(cmdline).Count;
        }
    }

    private static void Xm(byte[] bytes)
    {
        var source = SourceText.From(bytes);
        var evaluation = XmConfig.Evaluate(source);
        Touch(evaluation.Diagnostics);
        var conversion = XmToXlConverter.Convert(evaluation);
        _ = conversion.ToString();
    }

    private static void Fstab(byte[] bytes)
    {
        var source = SourceText.From(bytes);
        var document = FstabDocument.Parse(source);
        RoundTrip(source.Content, document.ToString(), "FstabDocument");
        Touch(document.Diagnostics);
    }

    private static void Grub(byte[] bytes)
    {
        var source = SourceText.From(bytes);
        var document = GrubMenuDocument.Parse(source);
        RoundTrip(source.Content, document.ToString(), "GrubMenuDocument");
        Touch(document.Diagnostics);
        _ = document.Entries.Count;
    }

    private static void Grub2(byte[] bytes)
    {
        var text = SourceText.From(bytes).Content;
        var config = Grub2Config.Parse(text);
        RoundTrip(text, config.ToString(), "Grub2Config");
        _ = config.XenEntries.Count;
    }

    private delegate bool TryParse<T>(string text, out T? value, out DeviceSpecError? error);

    private static void Device<T>(byte[] bytes, TryParse<T> tryParse)
        where T : class
    {
        var text = SourceText.From(bytes).Content;
        if (tryParse(text, out var value, out var error))
        {
            RoundTrip(text, value!.ToString()!, typeof(T).Name);
        }
        else
        {
            _ = error?.ToString();
        }
    }

    private static void Cmdline(byte[] bytes)
    {
        var text = SourceText.From(bytes).Content;
        var cmdline = KernelCommandLine.Parse(text);
        RoundTrip(text, cmdline.ToString(), "KernelCommandLine");
        foreach (var argument in cmdline.Arguments)
        {
            _ = cmdline.Get(argument.Name);
        }
    }

    // The YAML is parsed as if it were /nonexistent-fuzz/vm.yaml so that relative part paths resolve to nothing.
    private static void Yaml(byte[] bytes)
    {
        var source = SourceText.From(bytes, "/nonexistent-fuzz/vm.yaml");
        var definition = VmDefinition.Parse(source);
        Touch(definition.Diagnostics);
    }
}

/// <summary>A violated fuzzing property (not an exception of the library).</summary>
public sealed class FuzzPropertyException(string message) : Exception(message);
