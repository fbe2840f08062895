namespace XenConfig.Devices;

/// <summary>
/// The disk spec scanner: a port of libxlutil's flex scanner <c>libxlu_disk_l.l</c> (Xen 4.17, plus the 4.19 flags).
/// </summary>
/// <remarks>
/// Each flex rule is a small span scanner (the rules once were Sprache parsers, which allocated a result and an input
/// per character: about 50 KB per spec). Combinators could not express the scanner anyway, because flex picks, at
/// every position, the rule with the <em>longest</em> match (counting trailing context such as the <c>/.*</c> of the
/// deprecated prefixes, which makes a prefix win over a positional) and the earliest rule on a tie, while Sprache's
/// <c>Or</c> takes the first alternative that succeeds. So a small hand loop runs every rule that can start at the
/// current position, adds the length of its trailing context (computed directly: it is always "to the end of the line",
/// sometimes after one constrained character) and applies flex's choice; the rule actions then reproduce the C
/// actions, slot filling and shifts included. Like the C scanner it keeps going after most errors (the first one is
/// reported) and stops where the C action returns; where flex itself jams (a <c>=</c> no rule accepts, followed by a
/// newline) xl exits, reported here as "flex scanner jammed".
/// </remarks>
internal ref struct DiskSpecScanner
{
    private enum Action
    {
        Whitespace,
        Format,
        Cdrom,
        DevtypeCdrom,
        DevtypeDisk,
        DevtypeOther,
        Access,
        Backend,
        BackendType,
        Specification,
        Vdev,
        Script,
        DirectIoSafe,
        Discard,
        NoDiscard,
        Colo,
        NoColo,
        ColoHost,
        ColoPort,
        ColoExport,
        ActiveDisk,
        HiddenDisk,
        Trusted,
        Untrusted,
        GrantUsageOn,
        GrantUsageOff,
        Target,
        UnknownParameter,
        FormatPrefix,
        ScriptPrefix,
        IgnoredPrefix,
        UnknownPrefix,
        Positional,
        LexError,
    }

    /// <summary>The trailing context of a flex rule (<c>r/s</c>): counted for the longest match, then given back.</summary>
    private enum Context
    {
        None,

        // /.*
        RestOfLine,

        // /([^ \t\n].*)?
        NonBlankThenRestOfLine,

        // /([^a-z0-9].*)?
        NonAlphanumericThenRestOfLine,
    }

    /// <summary>
    /// One flex rule: its pattern (without trailing context) as a span scanner that returns the length it matches at
    /// the start of its input, or -1 (null for the positional rule, see <see cref="PositionalLength"/>), its trailing
    /// context, and the characters a match can start with (null: any), so that only plausible rules are run at a
    /// position.
    /// </summary>
    private delegate int SpanScanner(ReadOnlySpan<char> text);

    private sealed record Rule(Action Action, SpanScanner? Head, string? FirstChars, Context Context = Context.None);

    private const string LowerLetters = "abcdefghijklmnopqrstuvwxyz";

    private static bool IsLower(char c) => c is >= 'a' and <= 'z';

    private static bool IsLowerOrDigit(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    /// <summary>The length of <c>,?</c> at <paramref name="position"/>.</summary>
    private static int OptionalComma(ReadOnlySpan<char> text, int position) => position < text.Length && text[position] == ',' ? 1 : 0;

    // KEY=[^,]*,?
    private static Rule Keyed(Action action, string key) =>
        new(action,
            text =>
            {
                if (!text.StartsWith(key, StringComparison.Ordinal) || text.Length == key.Length || text[key.Length] != '=')
                {
                    return -1;
                }

                var comma = text[(key.Length + 1)..].IndexOf(',');
                return comma < 0 ? text.Length : key.Length + 1 + comma + 1;
            },
            key[..1]);

    // WORD,?
    private static Rule Flag(Action action, string word) =>
        new(action,
            text => text.StartsWith(word, StringComparison.Ordinal) ? word.Length + OptionalComma(text, word.Length) : -1,
            word[..1]);

    // (WORD|WORD...):  — the first word that matches decides, as in the Sprache alternation it replaces
    private static readonly string[] FormatPrefixes = ["raw", "qcow2", "qcow", "vhd"];
    private static readonly string[] ScriptPrefixes = ["iscsi", "enbd", "nbd", "drbd"];
    private static readonly string[] IgnoredPrefixes = ["tapdisk", "tap2", "tap", "aio", "ioemu", "file", "phy"];

    // One shared read-only list per prefix word, for the common spec with one prefix (phy:, file:): a spec keeps only
    // the word's index, no list.
    // (the common ones first: a spec finds its word by reference, and most find it at once)
    private static readonly string[] PrefixWords = [.. Enumerable.Reverse(IgnoredPrefixes).Concat(FormatPrefixes).Concat(ScriptPrefixes).Distinct()];
    private static readonly IReadOnlyList<string>[] OnePrefixLists = [.. PrefixWords.Select(word => (IReadOnlyList<string>)Array.AsReadOnly([word]))];

    /// <summary>The shared one-word list of the deprecated prefix word number <paramref name="index"/>.</summary>
    public static IReadOnlyList<string> OnePrefixList(int index) => OnePrefixLists[index];

    // The one string of a deprecated prefix word, so that a spec does not copy "phy" again.
    private static string PrefixWord(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var known in words)
        {
            if (word.SequenceEqual(known))
            {
                return known;
            }
        }

        return word.ToString();
    }

    private static Rule Prefix(Action action, params string[] words) =>
        new(action,
            text =>
            {
                foreach (var word in words)
                {
                    if (text.StartsWith(word, StringComparison.Ordinal))
                    {
                        return word.Length < text.Length && text[word.Length] == ':' ? word.Length + 1 : -1;
                    }
                }

                return -1;
            },
            string.Concat(words.Select(w => w[0]).Distinct()),
            Context.RestOfLine);

    // [ \t\n]+/([^ \t\n].*)?
    private static readonly Rule WhitespaceRule = new(
        Action.Whitespace,
        text =>
        {
            var blank = text.IndexOfAnyExcept(" \t\n");
            return blank < 0 ? text.Length : blank;
        },
        " \t\n",
        Context.NonBlankThenRestOfLine);

    private static readonly Rule[] CommonRules =
    [
        Keyed(Action.Format, "format"),
        Flag(Action.Cdrom, "cdrom"),
        Flag(Action.DevtypeCdrom, "devtype=cdrom"),
        Flag(Action.DevtypeDisk, "devtype=disk"),
        Keyed(Action.DevtypeOther, "devtype"),
        Keyed(Action.Access, "access"),
        Keyed(Action.Backend, "backend"),
        Keyed(Action.BackendType, "backendtype"),
        Keyed(Action.Specification, "specification"),
        Keyed(Action.Vdev, "vdev"),
        Keyed(Action.Script, "script"),
        Flag(Action.DirectIoSafe, "direct-io-safe"),
        Flag(Action.Discard, "discard"),
        Flag(Action.NoDiscard, "no-discard"),
        Flag(Action.Colo, "colo"),
        Flag(Action.NoColo, "no-colo"),
        Keyed(Action.ColoHost, "colo-host"),
        Keyed(Action.ColoPort, "colo-port"),
        Keyed(Action.ColoExport, "colo-export"),
        Keyed(Action.ActiveDisk, "active-disk"),
        Keyed(Action.HiddenDisk, "hidden-disk"),
    ];

    private static readonly Rule[] TrustedRules =
    [
        Flag(Action.Trusted, "trusted"),
        Flag(Action.Untrusted, "untrusted"),
    ];

    private static readonly Rule[] GrantUsageRules =
    [
        Flag(Action.GrantUsageOn, "grant_usage=1"),
        Flag(Action.GrantUsageOff, "grant_usage=0"),
    ];

    private static readonly Rule[] TailRules =
    [
        // target=.* eats the rest of the line
        new(Action.Target,
            text =>
            {
                if (!text.StartsWith("target=", StringComparison.Ordinal))
                {
                    return -1;
                }

                var newline = text[7..].IndexOf('\n');
                return newline < 0 ? text.Length : 7 + newline;
            },
            "t"),

        // [a-z][-a-z0-9]*=[^,],?  (note: exactly one value character)
        new(Action.UnknownParameter,
            text =>
            {
                if (text.IsEmpty || !IsLower(text[0]))
                {
                    return -1;
                }

                var name = 1;
                while (name < text.Length && (text[name] == '-' || IsLowerOrDigit(text[name])))
                {
                    name++;
                }

                if (name + 1 >= text.Length || text[name] != '=' || text[name + 1] == ',')
                {
                    return -1;
                }

                return name + 2 + OptionalComma(text, name + 2);
            },
            LowerLetters),

        // (raw|qcow2?|vhd):/.*   and friends; the ".*" trailing context makes them win over positionals
        Prefix(Action.FormatPrefix, FormatPrefixes),
        Prefix(Action.ScriptPrefix, ScriptPrefixes),
        Prefix(Action.IgnoredPrefix, IgnoredPrefixes),

        // [a-z][a-z0-9]*:/([^a-z0-9].*)?
        new(Action.UnknownPrefix,
            text =>
            {
                if (text.IsEmpty || !IsLower(text[0]))
                {
                    return -1;
                }

                var name = 1;
                while (name < text.Length && IsLowerOrDigit(text[name]))
                {
                    name++;
                }

                return name < text.Length && text[name] == ':' ? name + 1 : -1;
            },
            LowerLetters,
            Context.NonAlphanumericThenRestOfLine),

        // [^=,]*,|[^=,]+,?  — matched by PositionalLength (a cached delimiter scan): the positional rule is tried at
        // every position and could otherwise rescan the rest of the spec each time (e.g. "phy:phy:phy:..."), which
        // makes the scan quadratic.
        new(Action.Positional, null, null),

        // .  (anything else, i.e. '='; starts flex's LEXERR state)
        new(Action.LexError, text => text.IsEmpty || text[0] == '\n' ? -1 : 1, null),
    ];

    // The rules of each option set (index: 1 for the trusted flags, 2 for grant_usage), each split by the character a
    // match can start with, so that a position runs only the rules that can match there (in rule order, for the ties).
    // Each table is built on first use: a run usually needs only the plain one, and the native start-up pays for
    // whatever a static constructor builds.
    private static readonly RuleTable?[] Tables = new RuleTable?[4];

    private static RuleTable TableFor(int index)
    {
        if (Volatile.Read(ref Tables[index]) is { } built)
        {
            return built;
        }

        // Two threads may both build it; the tables are equal and read-only, so either one may stay.
        var table = new RuleTable(index switch
        {
            0 => [WhitespaceRule, .. CommonRules, .. TailRules],
            1 => [WhitespaceRule, .. CommonRules, .. TrustedRules, .. TailRules],
            2 => [WhitespaceRule, .. CommonRules, .. GrantUsageRules, .. TailRules],
            _ => [WhitespaceRule, .. CommonRules, .. TrustedRules, .. GrantUsageRules, .. TailRules],
        });
        Volatile.Write(ref Tables[index], table);
        return table;
    }

    private sealed class RuleTable
    {
        private readonly Rule[][] _ascii = new Rule[128][];
        private readonly Rule[] _other;

        public RuleTable(Rule[] rules)
        {
            var other = new List<Rule>();
            foreach (var rule in rules)
            {
                if (rule.FirstChars is null)
                {
                    other.Add(rule);
                }
            }

            _other = [.. other];
            var matching = new List<Rule>(rules.Length);
            for (var c = 0; c < _ascii.Length; c++)
            {
                matching.Clear();
                foreach (var rule in rules)
                {
                    if (rule.FirstChars is null || rule.FirstChars.Contains((char)c, StringComparison.Ordinal))
                    {
                        matching.Add(rule);
                    }
                }

                // Most characters start only the rules that can start anywhere: those share one array.
                _ascii[c] = matching.Count == _other.Length ? _other : [.. matching];
            }
        }

        public Rule[] For(char c) => c < 128 ? _ascii[c] : _other;
    }

    private readonly ReadOnlySpan<char> _spec;
    private readonly object _source;
    private readonly int _end;
    private readonly DiskSpecParseOptions _options;
    private DeviceSpecError? _error;
    private int _lineStart = -1;
    private int _delimiterFrom = -1;
    private int _delimiter = -1;
    private int _lineEnd = -1;
    private bool _hadDeprecatedPrefix;
    private bool _accessSet;
    private string? _firstPrefix;
    private List<string>? _prefixes;

    // libxl_device_disk fields, as the scanner leaves them
    // target and vdev are kept as where they lie in the spec (start -1: not set); DiskSpec makes their strings when read
    private int _targetStart = -1;
    private int _targetLength;
    private int _vdevStart = -1;
    private int _vdevLength;
    private DiskFormat? _format;
    private DiskBackendType? _backendType;
    private DiskSpecification? _specification;
    private string? _script;
    private string? _backendDomain;
    private string? _coloHost;
    private string? _coloExport;
    private string? _activeDisk;
    private string? _hiddenDisk;
    private int _coloPort;
    private bool _isCdrom;
    private bool _readWrite = true;
    private bool _directIoSafe;
    private bool? _discard;
    private bool? _colo;
    private bool? _trusted;
    private bool? _grantUsage;

    private DiskSpecScanner(ReadOnlySpan<char> spec, object source, DiskSpecParseOptions options)
    {
        _spec = spec;
        _source = source;
        _options = options;

        // libxlutil sees a C string: it ends at the first NUL.
        var nul = spec.IndexOf('\0');
        _end = nul < 0 ? spec.Length : nul;
    }

    /// <summary>Scans <paramref name="spec"/>, the text of <paramref name="source"/>.</summary>
    /// <param name="spec">The spec's characters.</param>
    /// <param name="source">Where the spec's strings come from when they are read: the spec's string itself, or the
    /// list item (<see cref="Domain.SettingValue"/>) whose text <paramref name="spec"/> is.</param>
    /// <param name="options">Which scanner to follow.</param>
    /// <param name="error">Why and where xl rejects the spec, or null.</param>
    /// <returns>The spec, or null when xl rejects it.</returns>
    public static DiskSpec? Scan(ReadOnlySpan<char> spec, object source, DiskSpecParseOptions options, out DeviceSpecError? error)
    {
        var scanner = new DiskSpecScanner(spec, source, options);
        var result = scanner.Run();
        error = scanner._error;
        return result;
    }

    private DiskSpec? Run()
    {
        var table = TableFor((_options.TrustedFlags ? 1 : 0) | (_options.GrantUsage ? 2 : 0));
        var position = 0;
        while (position < _end)
        {
            Rule? best = null;
            var bestLength = 0;
            var bestHead = 0;
            foreach (var rule in table.For(_spec[position]))
            {
                var head = rule.Head is null
                    ? PositionalLength(position)
                    : rule.Head(_spec[position.._end]);
                if (head <= 0)
                {
                    continue;
                }

                var total = head + ContextLength(rule.Context, position + head);

                // flex: longest match wins, the earlier rule on a tie
                if (total > bestLength)
                {
                    best = rule;
                    bestLength = total;
                    bestHead = head;
                }
            }

            if (best is null)
            {
                // "flex scanner jammed": the scanner calls exit(2); xl dies on this spec.
                _error = new DeviceSpecError("flex scanner jammed", position, 1);
                return null;
            }

            if (best.Action == Action.LexError)
            {
                // BEGIN(LEXERR); yymore();  then  <LEXERR>.* reports "bad disk syntax" near the '=' and the rest of
                // the line. At the end of the string flex just stops (no error); before a newline it jams.
                var next = position + 1;
                if (next >= _end)
                {
                    break;
                }

                var stop = LineEnd(next);
                if (stop == next)
                {
                    _error = new DeviceSpecError("flex scanner jammed", next, 1);
                    return null;
                }

                Fail("bad disk syntax", position, stop - position);
                break;
            }

            if (!Apply(best.Action, position, bestHead))
            {
                break;
            }

            position += bestHead;
        }

        return _error is null ? Finish() : null;
    }

    /// <summary>How much of the input at <paramref name="start"/> the trailing context matches (0 if it cannot).</summary>
    private int ContextLength(Context context, int start)
    {
        if (context == Context.None || start >= _end)
        {
            return 0;
        }

        var first = _spec[start];
        var firstOk = context switch
        {
            Context.RestOfLine => true,
            Context.NonBlankThenRestOfLine => first is not (' ' or '\t' or '\n'),
            _ => first is not (>= 'a' and <= 'z' or >= '0' and <= '9'),
        };
        if (!firstOk)
        {
            return 0;
        }

        // the context's own first character may be a newline only for [^a-z0-9]; '.' stops before any newline
        var restStart = context == Context.RestOfLine ? start : start + 1;
        return LineEnd(restStart) - start;
    }

    /// <summary>The length of <c>[^=,]*,|[^=,]+,?</c> at <paramref name="position"/> (0 when it cannot match).</summary>
    private int PositionalLength(int position)
    {
        if (position < _delimiterFrom || position > _delimiter)
        {
            var found = _spec[position.._end].IndexOfAny(',', '=');
            _delimiterFrom = position;
            _delimiter = found < 0 ? _end : position + found;
        }

        return _delimiter - position + (_delimiter < _end && _spec[_delimiter] == ',' ? 1 : 0);
    }

    /// <summary>Where the line containing <paramref name="position"/> ends (the next newline or the end), cached so that
    /// a long run of prefixes does not rescan the rest of the spec each time.</summary>
    private int LineEnd(int position)
    {
        if (position >= _end)
        {
            return _end;
        }

        if (position < _lineStart || position > _lineEnd)
        {
            var newline = _spec[position.._end].IndexOf('\n');
            _lineStart = position;
            _lineEnd = newline < 0 ? _end : position + newline;
        }

        return _lineEnd;
    }

    private DiskSpec? Finish()
    {
        var format = _format ?? DiskFormat.Raw;
        var removable = false;
        if (_isCdrom)
        {
            removable = true;
            _readWrite = false;
            if (_targetLength == 0)
            {
                format = DiskFormat.Empty;
            }
        }

        if (_vdevStart < 0)
        {
            Fail("no vdev specified", 0, _spec.Length);
            return null;
        }

        if (_targetStart < 0 && !removable)
        {
            Fail("no target specified (and device not removable)", 0, _spec.Length);
            return null;
        }

        return new DiskSpec(
            _source,
            _targetStart,
            _targetLength,
            _vdevStart,
            _vdevLength,
            format,
            _readWrite ? DiskAccess.ReadWrite : DiskAccess.ReadOnly,
            _isCdrom ? DiskDeviceType.Cdrom : DiskDeviceType.Disk,
            removable,
            _backendType,
            _backendDomain,
            _script,
            _specification,
            _directIoSafe,
            _discard,
            _trusted,
            _grantUsage,
            _colo,
            _coloHost,
            _coloPort == 0 ? null : _coloPort,
            _coloExport,
            _activeDisk,
            _hiddenDisk,
            _firstPrefix is null ? -1 : Array.IndexOf(PrefixWords, _firstPrefix),
            _prefixes is not null ? [.. _prefixes] : null);
    }

    private void Fail(string message, int offset, int length) => _error ??= new DeviceSpecError(message, offset, length);

    /// <summary>Runs one rule's action on the text it matched; false when the C action returns (stops scanning).</summary>
    private bool Apply(Action action, int start, int length)
    {
        var text = _spec.Slice(start, length);

        // STRIP(',') and FROMEQUALS for the key=value rules
        var stripped = length > 0 && text[^1] == ',' ? text[..^1] : text;
        var equals = stripped.IndexOf('=');
        var value = equals < 0 ? stripped : stripped[(equals + 1)..];
        var valueStart = start + equals + 1;

        switch (action)
        {
            case Action.Whitespace:
                break;
            case Action.Format:
                SetFormat(value, valueStart);
                break;
            case Action.Cdrom:
            case Action.DevtypeCdrom:
                _isCdrom = true;
                break;
            case Action.DevtypeDisk:
                _isCdrom = false;
                break;
            case Action.DevtypeOther:
                Fail("unknown value for type", start, length);
                break;
            case Action.Access:
                SetAccess(value, valueStart);
                break;
            case Action.Backend:
                SaveString("backend respecified", ref _backendDomain, value, valueStart);
                break;
            case Action.BackendType:
                SetBackendType(value, valueStart);
                break;
            case Action.Specification:
                SetSpecification(value, valueStart);
                break;
            case Action.Vdev:
                SaveRange("vdev respecified", ref _vdevStart, ref _vdevLength, valueStart, value.Length);
                break;
            case Action.Script:
                SaveString("script respecified", ref _script, value, valueStart);
                break;
            case Action.DirectIoSafe:
                _directIoSafe = true;
                break;
            case Action.Discard:
                _discard = true;
                break;
            case Action.NoDiscard:
                _discard = false;
                break;
            case Action.Colo:
                _colo = true;
                break;
            case Action.NoColo:
                _colo = false;
                break;
            case Action.ColoHost:
                SaveString("colo-host respecified", ref _coloHost, value, valueStart);
                break;
            case Action.ColoPort:
                var port = CNumbers.Atoi(value.ToString());
                if (port != 0)
                {
                    _coloPort = port;
                }
                else
                {
                    Fail("unknown value for colo_port", valueStart, value.Length);
                }

                break;
            case Action.ColoExport:
                SaveString("colo-export respecified", ref _coloExport, value, valueStart);
                break;
            case Action.ActiveDisk:
                SaveString("active-disk respecified", ref _activeDisk, value, valueStart);
                break;
            case Action.HiddenDisk:
                SaveString("hidden-disk respecified", ref _hiddenDisk, value, valueStart);
                break;
            case Action.Trusted:
                _trusted = true;
                break;
            case Action.Untrusted:
                _trusted = false;
                break;
            case Action.GrantUsageOn:
                _grantUsage = true;
                break;
            case Action.GrantUsageOff:
                _grantUsage = false;
                break;
            case Action.Target:
                SaveRange("target respecified", ref _targetStart, ref _targetLength, valueStart, value.Length);
                break;
            case Action.UnknownParameter:
                Fail("unknown parameter", start, length);
                break;
            case Action.FormatPrefix:
                _hadDeprecatedPrefix = true;
                AddPrefix(text[..^1], FormatPrefixes);
                SetFormat(text[..^1], start);
                break;
            case Action.ScriptPrefix:
                _hadDeprecatedPrefix = true;
                AddPrefix(text[..^1], ScriptPrefixes);
                SaveString("script respecified", ref _script, string.Concat("block-", text[..^1]), start, length - 1);
                break;
            case Action.IgnoredPrefix:
                _hadDeprecatedPrefix = true;
                AddPrefix(text[..^1], IgnoredPrefixes);
                break;
            case Action.UnknownPrefix:
                Fail("unknown deprecated disk prefix", start, length);
                return false;
            case Action.Positional:
                return Positional(stripped, start);
            default:
                throw new InvalidOperationException("unexpected scanner action " + action);
        }

        return true;
    }

    private void AddPrefix(ReadOnlySpan<char> word, string[] words)
    {
        var prefix = PrefixWord(word, words);
        if (_firstPrefix is null)
        {
            _firstPrefix = prefix;
        }
        else
        {
            (_prefixes ??= [_firstPrefix]).Add(prefix);
        }
    }

    private bool Positional(ReadOnlySpan<char> item, int start)
    {
        if (_error is not null)
        {
            // "previous errors may just lead to subsequent ones"
        }
        else if (_targetStart < 0)
        {
            (_targetStart, _targetLength) = (start, item.Length);
        }
        else if (!_hadDeprecatedPrefix && _format is null)
        {
            if (_targetLength == 0 && VdevAndDeviceType(item, start))
            {
                _format = DiskFormat.Empty;
            }
            else
            {
                SetFormat(item, start);
            }
        }
        else if (_vdevStart < 0)
        {
            if (!VdevAndDeviceType(item, start))
            {
                (_vdevStart, _vdevLength) = (start, item.Length);
            }
        }
        else if (!_accessSet)
        {
            _accessSet = true;
            SetAccess(item, start);
        }
        else
        {
            Fail("too many positional parameters", start, item.Length);
            return false;
        }

        return true;
    }

    /// <summary>A <c>vdev:devtype</c> positional (xm's <c>hdc:cdrom</c>); false (doing nothing) without a colon.</summary>
    private bool VdevAndDeviceType(ReadOnlySpan<char> item, int start)
    {
        var colon = item.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        SaveRange("vdev respecified", ref _vdevStart, ref _vdevLength, start, colon);
        var type = item[(colon + 1)..];
        if (type is "cdrom")
        {
            _isCdrom = true;
        }
        else if (type is "disk")
        {
            _isCdrom = false;
        }
        else
        {
            Fail("unknown deprecated type", start + colon + 1, type.Length);
        }

        return true;
    }

    /// <summary>libxlu's <c>savestring</c>: a second non-empty value is an error; an empty one may be overwritten.</summary>
    private void SaveString(string respecified, ref string? field, ReadOnlySpan<char> value, int valueStart, int? errorLength = null)
    {
        if (field is { Length: > 0 })
        {
            Fail(respecified, valueStart, errorLength ?? value.Length);
            return;
        }

        field = value.ToString();
    }

    /// <summary><see cref="SaveString"/> for a value kept as where it lies in the spec (start -1: not set yet).</summary>
    private void SaveRange(string respecified, ref int fieldStart, ref int fieldLength, int valueStart, int valueLength)
    {
        if (fieldStart >= 0 && fieldLength > 0)
        {
            Fail(respecified, valueStart, valueLength);
            return;
        }

        (fieldStart, fieldLength) = (valueStart, valueLength);
    }

    private void SetAccess(ReadOnlySpan<char> value, int start)
    {
        switch (value)
        {
            case "r" or "ro":
                _readWrite = false;
                break;
            case "rw" or "w" or "":
                _readWrite = true;
                break;
            default:
                Fail("unknown value for access", start, value.Length);
                break;
        }
    }

    private void SetFormat(ReadOnlySpan<char> value, int start)
    {
        DiskFormat? format = value switch
        {
            "" or "raw" => DiskFormat.Raw,
            "qcow" => DiskFormat.Qcow,
            "qcow2" => DiskFormat.Qcow2,
            "vhd" => DiskFormat.Vhd,
            "empty" => DiskFormat.Empty,
            "qed" => DiskFormat.Qed,
            _ => null,
        };
        if (format is null)
        {
            Fail("unknown value for format", start, value.Length);
        }
        else if (_format is not null && _format != format)
        {
            Fail("format respecified", start, value.Length);
        }
        else
        {
            _format = format;
        }
    }

    private void SetBackendType(ReadOnlySpan<char> value, int start)
    {
        DiskBackendType? type = value switch
        {
            "phy" => DiskBackendType.Phy,
            "tap" => DiskBackendType.Tap,
            "qdisk" => DiskBackendType.Qdisk,
            "standalone" => DiskBackendType.Standalone,
            _ => null,
        };
        if (type is null)
        {
            Fail("unknown value for backendtype", start, value.Length);
        }
        else if (_backendType is not null && _backendType != type)
        {
            Fail("backend respecified", start, value.Length);
        }
        else
        {
            _backendType = type;
        }
    }

    private void SetSpecification(ReadOnlySpan<char> value, int start)
    {
        DiskSpecification? specification = value switch
        {
            "xen" => DiskSpecification.Xen,
            "virtio" => DiskSpecification.Virtio,
            _ => null,
        };
        if (specification is null)
        {
            Fail("unknown value for specification", start, value.Length);
        }
        else if (_specification is not null && _specification != specification)
        {
            Fail("specification respecified", start, value.Length);
        }
        else
        {
            _specification = specification;
        }
    }
}
