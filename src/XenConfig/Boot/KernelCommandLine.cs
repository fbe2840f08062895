using System.Text;
using Sprache;
using XenConfig.Text;

namespace XenConfig.Boot;

/// <summary>
/// A kernel or Xen hypervisor command line (<c>root=/dev/xvda1 ro console=hvc0</c>, <c>dom0_mem=1G loglvl=all</c>),
/// split into arguments the way Linux splits it (<c>lib/cmdline.c</c>): whitespace outside double quotes separates
/// words, a <c>"</c> toggles quoting, there is no escape. Immutable and lossless: <see cref="ToString"/> returns the
/// text exactly as given, and the edit methods return a new command line in which only the edited argument's bytes
/// differ.
/// </summary>
/// <remarks>Used for the GRUB <c>kernel</c>/<c>module</c> lines and for a domain config's <c>extra</c>/<c>cmdline</c>.</remarks>
public sealed class KernelCommandLine : IEquatable<KernelCommandLine>
{
    private const string Blanks = " \t\n\v\f\r";
    private static readonly System.Buffers.SearchValues<char> BlankValues = System.Buffers.SearchValues.Create(Blanks);

    // Linux's next_arg: a word runs to the next blank outside double quotes; a quote toggles, an unterminated quote runs
    // to the end. A word's text is its raw characters (quotes included), so the scanner only finds the boundaries.
    private static readonly Parser<(int Start, int Length)[]> Grammar = SpanParser.Create<(int Start, int Length)[]>(ScanWords, "command line");

    private KernelArgument[]? _arguments;

    private KernelCommandLine(string text)
    {
        Text = text;
    }

    private static int ScanWords(ReadOnlySpan<char> text, out (int Start, int Length)[] words)
    {
        var found = new List<(int Start, int Length)>();
        var position = 0;
        while (true)
        {
            var start = text[position..].IndexOfAnyExcept(BlankValues);
            if (start < 0)
            {
                break;
            }

            start += position;
            var end = start;
            var quoted = false;
            while (end < text.Length && (quoted || !IsBlank(text[end])))
            {
                quoted ^= text[end] == '"';
                end++;
            }

            found.Add((start, end - start));
            position = end;
        }

        words = [.. found];
        return text.Length;
    }

    /// <summary>The empty command line.</summary>
    public static KernelCommandLine Empty { get; } = new(string.Empty);

    /// <summary>
    /// The command line xl gives a kernel it boots from dom0, composed from a domain config's keys as
    /// <c>parse_config_data</c> does: <paramref name="cmdline"/> if set (then <c>root</c> and <c>extra</c> are ignored);
    /// else <c>root=ROOT EXTRA</c>, <c>root=ROOT</c> or <c>EXTRA</c>; null when none is set.
    /// </summary>
    public static string? Compose(string? cmdline, string? root, string? extra) => cmdline ?? (root, extra) switch
    {
        ({ } r, { } e) => $"root={r} {e}",
        ({ } r, null) => $"root={r}",
        (null, { } e) => e,
        _ => null,
    };

    /// <summary>The text exactly as written.</summary>
    public string Text { get; }

    /// <summary>The arguments in order, duplicates included.</summary>
    /// <remarks>Split on first use: GRUB menus carry many command lines that nobody reads argument by argument.</remarks>
    public IReadOnlyList<KernelArgument> Arguments => _arguments ??= Split();

    /// <summary>Number of arguments.</summary>
    public int Count => Arguments.Count;

    /// <summary>Splits <paramref name="text"/> into arguments. Never fails: every string is a command line.</summary>
    public static KernelCommandLine Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? Empty : new KernelCommandLine(text);
    }

    /// <summary>True when some argument is named <paramref name="name"/> (bare or with a value).</summary>
    public bool Contains(string name) => Find(name) is not null;

    /// <summary>
    /// The value of the last argument named <paramref name="name"/> (the one Linux and Xen use for single-valued
    /// parameters such as <c>root</c>); an empty string for a bare word; null when absent.
    /// </summary>
    public string? Get(string name) => Find(name) is { } argument ? argument.Value ?? string.Empty : null;

    /// <summary>The values of every argument named <paramref name="name"/>, in order (e.g. several <c>console=</c>).</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Arguments.Where(a => a.IsNamed(name)).Select(a => a.Value ?? string.Empty).ToArray();
    }

    /// <summary>
    /// Sets <paramref name="name"/>: replaces the value of its last occurrence, keeping its spelling and every other
    /// byte, or appends <c> name=value</c> (before a <c>--</c> separator, whose tail belongs to init). A null
    /// <paramref name="value"/> makes it a bare word. Setting the value it already has returns this instance.
    /// </summary>
    /// <exception cref="ArgumentException">The name or value cannot be written on a command line (blank, quote, control character).</exception>
    public KernelCommandLine Set(string name, string? value)
    {
        ValidateName(name);
        var newValue = value is null ? null : EncodeValue(value);
        var existing = Find(name);
        if (existing is null)
        {
            return Insert(newValue is null ? name : name + "=" + newValue);
        }

        if (existing.Value == value && (value is not null || !existing.HasValue))
        {
            return this;
        }

        var replacement = newValue is null ? existing.Name : existing.Name + "=" + newValue;
        return Splice(existing.Span, replacement);
    }

    /// <summary>Appends <c>name[=value]</c> even when the name is already present (for repeatable ones like <c>console</c>).</summary>
    /// <exception cref="ArgumentException">The name or value cannot be written on a command line.</exception>
    public KernelCommandLine Add(string name, string? value)
    {
        ValidateName(name);
        return Insert(value is null ? name : name + "=" + EncodeValue(value));
    }

    /// <summary>Removes every argument named <paramref name="name"/> with the whitespace before it; returns this instance when there is none.</summary>
    public KernelCommandLine Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = Text;
        foreach (var argument in Arguments.Where(a => a.IsNamed(name)).Reverse())
        {
            var start = argument.Span.Start;
            var end = argument.Span.End;
            if (start > 0)
            {
                while (start > 0 && IsBlank(text[start - 1]))
                {
                    start--;
                }
            }
            else
            {
                while (end < text.Length && IsBlank(text[end]))
                {
                    end++;
                }
            }

            text = string.Concat(text.AsSpan(0, start), text.AsSpan(end));
        }

        return ReferenceEquals(text, Text) ? this : new KernelCommandLine(text);
    }

    /// <summary>The text exactly as written.</summary>
    public override string ToString() => Text;

    /// <inheritdoc />
    public bool Equals(KernelCommandLine? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KernelCommandLine);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    private static bool IsBlank(char c) => Blanks.Contains(c, StringComparison.Ordinal);

    private KernelArgument[] Split()
    {
        var words = SpanParser.Run(Grammar, Text, 0, Text.Length).Value;
        return Array.ConvertAll(words, w => new KernelArgument(Text.Substring(w.Start, w.Length), new TextSpan(w.Start, w.Length)));
    }

    private KernelArgument? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = Arguments.Count - 1; i >= 0; i--)
        {
            if (Arguments[i].IsNamed(name))
            {
                return Arguments[i];
            }
        }

        return null;
    }

    private KernelCommandLine Insert(string word)
    {
        var separator = Arguments.FirstOrDefault(a => a.Text == "--");
        if (separator is not null)
        {
            return Splice(new TextSpan(separator.Span.Start, 0), word + " ");
        }

        var end = Text.Length;
        while (end > 0 && IsBlank(Text[end - 1]))
        {
            end--;
        }

        return Splice(new TextSpan(end, 0), end == 0 ? word : " " + word);
    }

    private KernelCommandLine Splice(TextSpan span, string replacement) =>
        new(string.Concat(Text.AsSpan(0, span.Start), replacement, Text.AsSpan(span.End)));

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            if (IsBlank(c) || c == '"' || c == '=' || char.IsControl(c))
            {
                throw new ArgumentException($"'{name}' cannot be a command line parameter name.", nameof(name));
            }
        }
    }

    private static string EncodeValue(string value)
    {
        var needsQuotes = value.Length == 0 ? false : value.Any(IsBlank);
        foreach (var c in value)
        {
            if (c == '"' || (char.IsControl(c) && c != '\t') || c == '\n' || c == '\r')
            {
                throw new ArgumentException(
                    "A command line value cannot hold a double quote, a line break or a control character (Linux has no escape for them).",
                    nameof(value));
            }
        }

        if (!needsQuotes)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"').Append(value).Append('"');
        return builder.ToString();
    }
}
