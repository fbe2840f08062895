namespace XenConfig.Libxl;

/// <summary><c>rdm</c>: libxlutil's <c>xlu_rdm_parse</c>, quirks included.</summary>
internal sealed partial class LibxlProjection
{
    private static readonly string[] RdmPolicies = ["invalid", "strict", "relaxed"];

    /// <summary>
    /// Reads <c>rdm</c> as xl 4.17 does and copies the result into <c>b_info.u.hvm.rdm</c> when libxlutil calls it
    /// good. Its state machine has two quirks kept here: a *valid* <c>policy=</c> counts as a parse error (the
    /// success check is inverted), and a field the string does not set keeps the uninitialised value of xl's local
    /// (Debian's xl 4.17.7 prints the strategy as null and the policy as <c>strict</c>).
    /// </summary>
    private void ParseRdm()
    {
        if (String("rdm") is not { } text)
        {
            return;
        }

        string? strategy = null;
        var state = RdmState.Type;
        var tokenStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            switch (state)
            {
                case RdmState.Type when c == '=':
                    var option = text[tokenStart..i];
                    state = option switch
                    {
                        "strategy" => RdmState.Strategy,
                        "policy" => RdmState.Policy,
                        _ => RdmState.Error,
                    };
                    if (state == RdmState.Error)
                    {
                        Warn("rdm", $"Unknown RDM state option: {option}; xl ignores rdm");
                        return;
                    }

                    tokenStart = i + 1;
                    break;
                case RdmState.Strategy when c is ',' or '\0':
                    var value = text[tokenStart..i];
                    if (value != "host")
                    {
                        Warn("rdm", $"Unknown RDM strategy option: {value}; xl ignores rdm");
                        return;
                    }

                    strategy = value;
                    state = c == ',' ? RdmState.Type : RdmState.Terminal;
                    tokenStart = i + 1;
                    break;
                case RdmState.Policy when c is ',' or '\0':
                    var policy = text[tokenStart..i];
                    if (RdmPolicies.Contains(policy, StringComparer.OrdinalIgnoreCase))
                    {
                        // libxlutil's inverted check: a policy it knows ends the parse as a failure, silently.
                        return;
                    }

                    Warn("rdm", $"Unknown RDM policy: {policy}");
                    state = c == ',' ? RdmState.Type : RdmState.Terminal;
                    tokenStart = i + 1;
                    break;
            }
        }

        if (state != RdmState.Terminal || tokenStart != text.Length + 1)
        {
            return;
        }

        if (BInfo.Hvm is { } hvm)
        {
            hvm.RdmStrategy = strategy;
            hvm.RdmStrategyUninitialised = strategy is null;
            hvm.RdmPolicy = "strict";
        }
    }

    private enum RdmState
    {
        Type,
        Strategy,
        Policy,
        Terminal,
        Error,
    }
}
