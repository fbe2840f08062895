namespace XenConfig.Libxl;

/// <summary>
/// libxl 4.17's two <c>cpuid</c> languages (tools/libs/light/libxl_cpuid.c): <c>NAME=VALUE</c> flags after
/// <c>host,</c> and xend's <c>LEAF[,SUBLEAF]:eXx=POLICY32,...</c> list items. Each returns libxl's error number
/// (0 for success) and, like libxl, may leave a leaf or MSR entry behind even when it fails.
/// </summary>
internal static class LibxlCpuidParser
{
    private const int Eax = 1, Ebx = 2, Ecx = 3, Edx = 4;

    /// <summary>libxl's named fields that are not plain feature bits: leaf, subleaf, register, first bit, width.</summary>
    private static readonly Dictionary<string, (uint Leaf, uint? Subleaf, int Register, int Bit, int Length)> Fields = new(StringComparer.Ordinal)
    {
        ["maxleaf"] = (0x00000000, null, Eax, 0, 32),
        ["stepping"] = (0x00000001, null, Eax, 0, 4),
        ["model"] = (0x00000001, null, Eax, 4, 8),
        ["family"] = (0x00000001, null, Eax, 8, 8),
        ["brandid"] = (0x00000001, null, Ebx, 0, 8),
        ["clflush"] = (0x00000001, null, Ebx, 8, 8),
        ["proccount"] = (0x00000001, null, Ebx, 16, 8),
        ["localapicid"] = (0x00000001, null, Ebx, 24, 8),
        ["est"] = (0x00000001, null, Ecx, 7, 1),
        ["cntxid"] = (0x00000001, null, Ecx, 10, 1),
        ["cmpxchg16"] = (0x00000001, null, Ecx, 13, 1),
        ["sse4_1"] = (0x00000001, null, Ecx, 19, 1),
        ["sse4.1"] = (0x00000001, null, Ecx, 19, 1),
        ["sse4_2"] = (0x00000001, null, Ecx, 20, 1),
        ["sse4.2"] = (0x00000001, null, Ecx, 20, 1),
        ["aes"] = (0x00000001, null, Ecx, 25, 1),
        ["cmpxchg8"] = (0x00000001, null, Edx, 8, 1),
        ["sysenter"] = (0x00000001, null, Edx, 11, 1),
        ["psn"] = (0x00000001, null, Edx, 18, 1),
        ["clfsh"] = (0x00000001, null, Edx, 19, 1),
        ["tm"] = (0x00000001, null, Edx, 29, 1),
        ["ia64"] = (0x00000001, null, Edx, 30, 1),
        ["pbe"] = (0x00000001, null, Edx, 31, 1),
        ["arat"] = (0x00000006, null, Eax, 2, 1),
        ["tsc_adjust"] = (0x00000007, 0, Ebx, 1, 1),
        ["cmt"] = (0x00000007, 0, Ebx, 12, 1),
        ["lahfsahf"] = (0x80000001, null, Ecx, 0, 1),
        ["cmplegacy"] = (0x80000001, null, Ecx, 1, 1),
        ["altmovcr8"] = (0x80000001, null, Ecx, 4, 1),
        ["nodeid"] = (0x80000001, null, Ecx, 19, 1),
        ["perfctr_core"] = (0x80000001, null, Ecx, 23, 1),
        ["perfctr_nb"] = (0x80000001, null, Ecx, 24, 1),
        ["procpkg"] = (0x00000004, 0, Eax, 26, 6),
        ["invtsc"] = (0x80000007, null, Edx, 8, 1),
        ["ppin"] = (0x80000008, null, Ebx, 23, 1),
        ["btc-no"] = (0x80000008, null, Ebx, 29, 1),
        ["nc"] = (0x80000008, null, Ecx, 0, 8),
        ["apicidsize"] = (0x80000008, null, Ecx, 12, 4),
        ["svm_npt"] = (0x8000000a, null, Edx, 0, 1),
        ["svm_lbrv"] = (0x8000000a, null, Edx, 1, 1),
        ["svm_nrips"] = (0x8000000a, null, Edx, 3, 1),
        ["svm_tscrate"] = (0x8000000a, null, Edx, 4, 1),
        ["svm_vmcbclean"] = (0x8000000a, null, Edx, 5, 1),
        ["svm_decode"] = (0x8000000a, null, Edx, 7, 1),
        ["svm_pausefilt"] = (0x8000000a, null, Edx, 10, 1),
        ["lfence+"] = (0x80000021, null, Eax, 2, 1),
        ["maxhvleaf"] = (0x40000000, null, Eax, 0, 8),
    };

    /// <summary>
    /// Where each 32-bit word of Xen's featureset lives (<c>feature_to_policy</c>): a CPUID leaf, subleaf and
    /// register, or (leaf null) the low (EAX) or high (EDX) half of an MSR.
    /// </summary>
    private static readonly (uint? Leaf, uint? Subleaf, int Register, uint Msr)[] FeatureWords =
    [
        (0x00000001, null, Edx, 0), (0x00000001, null, Ecx, 0), (0x80000001, null, Edx, 0), (0x80000001, null, Ecx, 0),
        (0x0000000D, 1, Eax, 0), (0x00000007, 0, Ebx, 0), (0x00000007, 0, Ecx, 0), (0x80000007, null, Edx, 0),
        (0x80000008, null, Ebx, 0), (0x00000007, 0, Edx, 0), (0x00000007, 1, Eax, 0), (0x80000021, null, Eax, 0),
        (0x00000007, 1, Ebx, 0), (0x00000007, 2, Edx, 0), (0x00000007, 1, Ecx, 0), (0x00000007, 1, Edx, 0),
        (null, null, Eax, 0x10a), (null, null, Edx, 0x10a), (0x80000021, null, Ecx, 0),
    ];

    /// <summary>
    /// Xen 4.17's feature names (<c>INIT_FEATURE_NAMES</c>, made by gen-cpuid.py from cpufeatureset.h: the
    /// <c>XEN_CPUFEATURE</c> names in lower case with '_' as '-') and their bit in the featureset (word * 32 + bit).
    /// </summary>
    private static readonly Dictionary<string, int> Features = new(StringComparer.Ordinal)
    {
         ["3dnow"] = 95, ["3dnowext"] = 94, ["3dnowprefetch"] = 104, ["abm"] = 101, ["acpi"] = 22, ["adx"] = 179,
         ["aesni"] = 57, ["amd-ppin"] = 279, ["amd-ssbd"] = 280, ["amd-stibp"] = 271, ["apic"] = 9,
         ["arch-caps"] = 317, ["auto-ibrs"] = 360, ["avx"] = 60, ["avx-vnni"] = 324, ["avx2"] = 165,
         ["avx512-4fmaps"] = 291, ["avx512-4vnniw"] = 290, ["avx512-bf16"] = 325, ["avx512-bitalg"] = 204,
         ["avx512-fp16"] = 311, ["avx512-ifma"] = 181, ["avx512-vbmi"] = 193, ["avx512-vbmi2"] = 198,
         ["avx512-vnni"] = 203, ["avx512-vp2intersect"] = 296, ["avx512-vpopcntdq"] = 206, ["avx512bw"] = 190,
         ["avx512cd"] = 188, ["avx512dq"] = 177, ["avx512er"] = 187, ["avx512f"] = 176, ["avx512pf"] = 186,
         ["avx512vl"] = 191, ["bhi-ctrl"] = 420, ["bhi-no"] = 532, ["bmi1"] = 163, ["bmi2"] = 168, ["btc-no"] = 285,
         ["cet-ibt"] = 308, ["cet-ss"] = 199, ["cet-sss"] = 498, ["cldemote"] = 217, ["clflush"] = 19,
         ["clflushopt"] = 183, ["clwb"] = 184, ["clzero"] = 256, ["cmov"] = 15, ["cmp-legacy"] = 97,
         ["core-caps"] = 318, ["cpb"] = 233, ["cr8-legacy"] = 100, ["cx16"] = 45, ["cx8"] = 8, ["dbext"] = 122,
         ["dca"] = 50, ["de"] = 2, ["doitm"] = 524, ["ds"] = 21, ["dscpl"] = 36, ["dtes64"] = 34, ["efro"] = 234,
         ["eibrs"] = 513, ["eist"] = 39, ["energy-filtering"] = 523, ["enqcmd"] = 221, ["erms"] = 169,
         ["extapic"] = 99, ["f16c"] = 61, ["fb-clear"] = 529, ["fb-clear-ctrl"] = 530, ["fbsdp-no"] = 526,
         ["fdp-excp-only"] = 166, ["ffxsr"] = 89, ["fma"] = 44, ["fma4"] = 112, ["fpu"] = 0, ["fsgsbase"] = 160,
         ["fsrcs"] = 332, ["fsrm"] = 292, ["fsrs"] = 331, ["fxsr"] = 24, ["fzrm"] = 330, ["gds-ctrl"] = 537,
         ["gds-no"] = 538, ["gfni"] = 200, ["hle"] = 164, ["htt"] = 28, ["hw-pstate"] = 231, ["hybrid"] = 303,
         ["hypervisor"] = 63, ["ibpb"] = 268, ["ibpb-brtype"] = 380, ["ibpb-ret"] = 286, ["ibrs"] = 270,
         ["ibrs-always"] = 272, ["ibrs-fast"] = 274, ["ibrs-same-mode"] = 275, ["ibrsb"] = 314, ["ibs"] = 106,
         ["if-pschange-mc-no"] = 518, ["intel-ppin"] = 384, ["intel-psfd"] = 416, ["intel-ssb-no"] = 516,
         ["invpcid"] = 170, ["ipred-ctrl"] = 417, ["its-no"] = 574, ["itsc"] = 232, ["l1d-flush"] = 316,
         ["lahf-lm"] = 96, ["lfence-dispatch"] = 354, ["lm"] = 93, ["lwp"] = 111, ["mca"] = 14, ["mcdt-no"] = 421,
         ["mce"] = 7, ["mcu-ctrl"] = 521, ["md-clear"] = 298, ["mds-no"] = 517, ["misalignsse"] = 103,
         ["misc-pkg-ctrl"] = 522, ["mmx"] = 23, ["mmxext"] = 86, ["monitor"] = 35, ["monitorx"] = 125, ["movbe"] = 54,
         ["movdir64b"] = 220, ["movdiri"] = 219, ["mpx"] = 174, ["msr"] = 5, ["mtrr"] = 12, ["no-fpu-sel"] = 173,
         ["no-lmsl"] = 276, ["nodeid-msr"] = 115, ["nscb"] = 358, ["nx"] = 84, ["ospke"] = 196, ["osvw"] = 105,
         ["osxsave"] = 59, ["ovrclk-status"] = 535, ["pae"] = 6, ["page1gb"] = 90, ["pat"] = 16, ["pbe"] = 31,
         ["pbrsb-no"] = 536, ["pcid"] = 49, ["pclmulqdq"] = 33, ["pdcm"] = 47, ["pge"] = 13, ["pku"] = 195,
         ["popcnt"] = 55, ["pqe"] = 175, ["pqm"] = 172, ["prefetchwt1"] = 192, ["proc-trace"] = 185, ["psdp-no"] = 527,
         ["pse"] = 3, ["pse36"] = 17, ["psfd"] = 284, ["rdcl-no"] = 512, ["rdpid"] = 214, ["rdrand"] = 62,
         ["rdseed"] = 178, ["rdtscp"] = 91, ["rfds-clear"] = 540, ["rfds-no"] = 539, ["rrsba"] = 531,
         ["rrsba-ctrl"] = 418, ["rsba"] = 514, ["rstr-fp-err-ptrs"] = 258, ["rtm"] = 171, ["rtm-always-abort"] = 299,
         ["sbdr-ssdp-no"] = 525, ["sbpb"] = 379, ["sep"] = 11, ["serialize"] = 302, ["sgx"] = 162, ["sha"] = 189,
         ["skinit"] = 108, ["skip-l1dfl"] = 515, ["smap"] = 180, ["smep"] = 167, ["smx"] = 38, ["srbds-ctrl"] = 297,
         ["srso-msr-fix"] = 383, ["srso-no"] = 381, ["srso-us-no"] = 382, ["ss"] = 27, ["ssb-no"] = 282,
         ["ssbd"] = 319, ["sse"] = 25, ["sse2"] = 26, ["sse3"] = 32, ["sse4-1"] = 51, ["sse4-2"] = 52, ["sse4a"] = 102,
         ["ssse3"] = 41, ["stibp"] = 315, ["stibp-always"] = 273, ["svm"] = 98, ["syscall"] = 75, ["taa-no"] = 520,
         ["tbm"] = 117, ["tm1"] = 29, ["tm2"] = 40, ["topoext"] = 118, ["tsa-l1-no"] = 578, ["tsa-sq-no"] = 577,
         ["tsc"] = 4, ["tsc-adjust"] = 161, ["tsc-deadline"] = 56, ["tsx-ctrl"] = 519, ["tsx-force-abort"] = 301,
         ["tsxldtrk"] = 304, ["umip"] = 194, ["vaes"] = 201, ["verw-clear"] = 357, ["virt-ssbd"] = 281, ["vme"] = 1,
         ["vmx"] = 37, ["vpclmulqdq"] = 202, ["wbnoinvd"] = 265, ["wdt"] = 109, ["x2apic"] = 53,
         ["xapic-status"] = 533, ["xgetbv1"] = 130, ["xop"] = 107, ["xsave"] = 58, ["xsavec"] = 129,
         ["xsaveopt"] = 128, ["xsaves"] = 131, ["xtpr"] = 46,
    };

    /// <summary><c>libxl_cpuid_parse_config</c>: one <c>NAME=VALUE</c> flag of the <c>host,...</c> string.</summary>
    public static int ParseFlag(LibxlCpuidPolicy policy, string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return 1;
        }

        var name = text[..equals];
        var value = text[(equals + 1)..];
        if (Fields.TryGetValue(name, out var field))
        {
            return Add(policy, name, field.Leaf, field.Subleaf, field.Register, field.Bit, field.Length, value);
        }

        if (!Features.TryGetValue(name, out var feature))
        {
            return 2;
        }

        var word = FeatureWords[feature / 32];
        if (word.Leaf is { } leaf)
        {
            return Add(policy, name, leaf, word.Subleaf, word.Register, feature % 32, 1, value);
        }

        return AddMsr(policy, word.Msr, feature % 32 + (word.Register == Edx ? 32 : 0), value);
    }

    /// <summary><c>libxl_cpuid_parse_config_xend</c>: one <c>LEAF[,SUBLEAF]:eXx=POLICY,...</c> item of a list.</summary>
    public static int ParseXendItem(LibxlCpuidPolicy policy, string text)
    {
        var leaf = Devices.CNumbers.Strtoul(text, 0, 0, out var end);
        if (end == 0)
        {
            return 1;
        }

        uint? subleaf = null;
        if (end < text.Length && text[end] == ',')
        {
            var start = end + 1;
            var value = Devices.CNumbers.Strtoul(text, start, 0, out end);
            if (end == start)
            {
                return 2;
            }

            subleaf = unchecked((uint)value);
        }

        if (end >= text.Length || text[end] != ':')
        {
            return 3;
        }

        var entry = FindOrAdd(policy, unchecked((uint)leaf), subleaf);
        var i = end + 1;
        while (i < text.Length)
        {
            if (text[i] != 'e' || i + 2 >= text.Length || text[i + 2] != 'x')
            {
                return 4;
            }

            var register = text[i + 1] - 'a';
            var equals = text.IndexOf('=', i);
            if (register is < 0 or > 3 || equals < 0)
            {
                return 4;
            }

            var valueStart = equals + 1;
            var comma = text.IndexOf(',', valueStart);
            var valueEnd = comma < 0 ? text.Length : comma;
            if (valueEnd - valueStart != 32)
            {
                return 5;
            }

            entry.Registers[register] = text[valueStart..valueEnd];
            if (comma < 0)
            {
                break;
            }

            i = comma + 1;
            while (i < text.Length && text[i] is ' ' or '\n')
            {
                i++;
            }
        }

        return 0;
    }

    /// <summary><c>cpuid_add</c>: writes a field's bits into its register's policy, creating the leaf first.</summary>
    private static int Add(LibxlCpuidPolicy policy, string name, uint leaf, uint? subleaf, int register, int bit, int length, string value)
    {
        var entry = FindOrAdd(policy, leaf, subleaf);
        var number = Devices.CNumbers.Strtoul(value, 0, 0, out var end);
        var flags = new char[8 > length ? 8 : length];
        if (end != 0)
        {
            for (var i = 0; i < length; i++)
            {
                flags[length - 1 - i] = ((number >> i) & 1) == 0 ? '0' : '1';
            }
        }
        else if (value.Length > 0 && value[0] is 'x' or 'k' or 's')
        {
            Array.Fill(flags, value[0], 0, length);
        }
        else
        {
            return 3;
        }

        var result = (entry.Registers[register - 1] ?? new string('x', 32)).ToCharArray();
        switch (name)
        {
            case "family" when number < 16:
                Array.Copy(flags, 4, result, 28 - bit, 4);
                "00000000".CopyTo(0, result, 4, 8);
                break;
            case "family":
                // The extended family: base family 0xf, the rest (number - 15) in bits 20-27.
                number -= 15;
                "1111".CopyTo(0, result, 28 - bit, 4);
                for (var i = 0; i < 7; i++)
                {
                    flags[7 - i] = (number & 1) == 0 ? '0' : '1';
                    number >>= 1;
                }

                Array.Copy(flags, 0, result, 4, 8);
                break;
            case "model":
                // The extended model goes to bits 16-19, the model to bits 4-7.
                Array.Copy(flags, 0, result, 12, 4);
                Array.Copy(flags, 4, result, 28 - bit, 4);
                break;
            default:
                Array.Copy(flags, 0, result, 32 - length - bit, length);
                break;
        }

        entry.Registers[register - 1] = new string(result);
        return 0;
    }

    /// <summary><c>msr_add</c>: one MSR bit, from a single character (<c>s</c> is stored as <c>k</c>).</summary>
    private static int AddMsr(LibxlCpuidPolicy policy, uint index, int bit, string value)
    {
        var msr = policy.Msrs.FirstOrDefault(m => m.Index == index);
        if (msr is null)
        {
            msr = new LibxlMsrPolicy { Index = index };
            policy.Msrs.Add(msr);
        }

        if (value.Length != 1 || value[0] is not ('0' or '1' or 'x' or 'k' or 's'))
        {
            return 3;
        }

        var bits = msr.Policy.ToCharArray();
        bits[63 - bit] = value[0] == 's' ? 'k' : value[0];
        msr.Policy = new string(bits);
        return 0;
    }

    private static LibxlCpuidLeaf FindOrAdd(LibxlCpuidPolicy policy, uint leaf, uint? subleaf)
    {
        // XEN_CPUID_INPUT_UNUSED (~0) is libxl's "no subleaf": an explicit 0xffffffff is the same leaf.
        subleaf = subleaf == uint.MaxValue ? null : subleaf;
        var entry = policy.Leaves.FirstOrDefault(l => l.Leaf == leaf && l.Subleaf == subleaf);
        if (entry is null)
        {
            entry = new LibxlCpuidLeaf { Leaf = leaf, Subleaf = subleaf };
            policy.Leaves.Add(entry);
        }

        return entry;
    }
}
