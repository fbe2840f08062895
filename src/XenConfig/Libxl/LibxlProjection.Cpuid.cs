namespace XenConfig.Libxl;

/// <summary><c>cpuid</c>: a <c>host,NAME=VALUE,...</c> string or a list of xend-style leaf policies. xl never refuses it.</summary>
internal sealed partial class LibxlProjection
{
    private void ParseCpuid()
    {
        if (!TryGetSetting("cpuid", out var setting))
        {
            return;
        }

        var policy = new LibxlCpuidPolicy();
        var touched = false;
        if (setting.Value.IsList)
        {
            foreach (var item in Strings(setting.Value))
            {
                touched = true;
                if (LibxlCpuidParser.ParseXendItem(policy, item) is var error and not 0)
                {
                    Warn("cpuid", $"while parsing CPUID line \"{item}\": error #{error}: {XendError(error)}; xl skips the rest of that line");
                }
            }
        }
        else
        {
            var pieces = SplitTokens(setting.Value.Text!, ",");
            if (pieces.Count == 0)
            {
                return;
            }

            if (pieces[0] != "host")
            {
                Warn("cpuid", $"while parsing CPUID string \"{setting.Value.Text}\": the first word must be \"host\"; xl ignores cpuid");
                return;
            }

            foreach (var piece in pieces.Skip(1))
            {
                touched = true;
                if (LibxlCpuidParser.ParseFlag(policy, piece) is var error and not 0)
                {
                    Warn("cpuid", $"while parsing CPUID flag \"{piece}\": error #{error}: {FlagError(error)}; xl ignores that flag");
                }
            }
        }

        // libxl leaves an empty policy out of its JSON (libxl__cpuid_policy_is_empty).
        if (touched && (policy.Leaves.Count > 0 || policy.Msrs.Count > 0))
        {
            BInfo.Cpuid = policy;
        }
    }

    private static string XendError(int error) => error switch
    {
        1 => "illegal leaf number",
        2 => "illegal subleaf number",
        3 => "missing colon",
        4 => "invalid register name (must be e[abcd]x)",
        5 => "policy string must be exactly 32 characters long",
        _ => "unknown error",
    };

    private static string FlagError(int error) => error switch
    {
        1 => "missing \"=\" in key=value",
        2 => "unknown CPUID flag name",
        3 => "illegal CPUID value (must be: [0|1|x|k|s])",
        _ => "unknown error",
    };
}
