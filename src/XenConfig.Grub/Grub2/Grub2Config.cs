using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Grub.Model;
using XenConfig.Text;

namespace XenConfig.Grub.Grub2;

/// <summary>
/// A GRUB 2 <c>grub.cfg</c>, read for its boot entries (the Xen ones above all): <c>menuentry</c> blocks (also inside
/// <c>submenu</c>s) with <c>multiboot</c>/<c>multiboot2</c> + <c>module</c>/<c>module2</c> (<c>--nounzip</c>), or
/// <c>linux</c> + <c>initrd</c>; <c>set default</c> and <c>set timeout</c>. Read-only; <see cref="ToString"/> returns
/// the text unchanged.
/// </summary>
public sealed class Grub2Config
{
    private Grub2Config(SourceText source)
    {
        SourceText = source;
        Entries = Read(source.Content, out var defaultValue, out var timeout);
        Default = defaultValue;
        Timeout = timeout;
    }

    /// <summary>The text as read.</summary>
    public SourceText SourceText { get; }

    /// <summary>The file the text came from, or null.</summary>
    public string? Path => SourceText.Path;

    /// <summary>
    /// Always empty: a grub.cfg is read for its entries only, and nothing in it is reported (GRUB 2 configs are not
    /// validated). The property is here so that every document has the same shape.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Always false (see <see cref="Diagnostics"/>).</summary>
    public bool HasErrors => Diagnostics.Count > 0;

    /// <summary>Every <c>menuentry</c> in file order, submenus flattened.</summary>
    public IReadOnlyList<Grub2Entry> Entries { get; }

    /// <summary>The Xen view of every entry that loads a hypervisor.</summary>
    public IReadOnlyList<XenBootEntry> XenEntries => Entries.Select(e => e.Xen).OfType<XenBootEntry>().ToList();

    /// <summary>The last top-level <c>set default=</c> value, unquoted (a number, a title, an id or <c>${saved_entry}</c>), or null.</summary>
    public string? Default { get; }

    /// <summary>The last top-level <c>set timeout=</c> value, unquoted, or null.</summary>
    public string? Timeout { get; }

    /// <summary>Reads a grub.cfg. Never throws.</summary>
    public static Grub2Config Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Grub2Config(SourceText.From(text, path));
    }

    /// <summary>Reads a grub.cfg already decoded. Never throws.</summary>
    public static Grub2Config Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Grub2Config(text);
    }

    /// <summary>Reads a file without normalizing anything.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Grub2Config Load(string path) => new(SourceText.Load(path));

    /// <summary>The text exactly as read.</summary>
    public override string ToString() => SourceText.Content;

    /// <summary>Submenu titles kept in an entry's path; deeper levels (no real menu has them) are not added.</summary>
    private const int MaxSubmenuDepth = 64;

    private static List<Grub2Entry> Read(string text, out string? defaultValue, out string? timeout)
    {
        defaultValue = null;
        timeout = null;
        var entries = new List<Grub2Entry>();
        // Each open block with the submenu path inside it, so an entry's path costs nothing to find; paths stop growing
        // past MaxSubmenuDepth and functions are counted, so deeply nested input stays linear.
        var blocks = new Stack<(string Kind, string? Path, int Depth)>();
        var functions = 0;
        Grub2Entry? entry = null;
        var lineStart = 0;
        for (var index = 0; lineStart <= text.Length; index++)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var span = text.AsSpan(lineStart, lineEnd - lineStart).Trim(" \t\r");
            lineStart = lineEnd + 1;
            if (span.IsEmpty || span[0] == '#' || !Matters(FirstWord(span), functions > 0, entry is not null, blocks.Count == 0))
            {
                continue;
            }

            var line = span.ToString();
            var words = Words(line);
            var command = words[0].Text;
            if (functions > 0)
            {
                if (command == "}" && blocks.Peek().Kind == "function")
                {
                    blocks.Pop();
                    functions--;
                }

                continue;
            }

            var (path, depth) = blocks.Count > 0 ? (blocks.Peek().Path, blocks.Peek().Depth) : (null, 0);

            switch (command)
            {
                case "menuentry" when words.Count > 1:
                    entry = new Grub2Entry(words[1].Text, path, index);
                    entries.Add(entry);
                    blocks.Push(("menuentry", path, depth));
                    continue;
                case "submenu" when words.Count > 1:
                    var nested = depth >= MaxSubmenuDepth ? path : path is null ? words[1].Text : path + ">" + words[1].Text;
                    blocks.Push(("submenu", nested, depth + 1));
                    continue;
                case "function":
                    blocks.Push(("function", path, depth));
                    functions++;
                    continue;
                case "}":
                    if (blocks.Count > 0 && blocks.Pop().Kind == "menuentry")
                    {
                        entry = null;
                    }

                    continue;
                default:
                    break;
            }

            if (entry is null)
            {
                if (command == "set" && words.Count > 1 && blocks.Count == 0)
                {
                    var assignment = words[1].Text;
                    if (assignment.StartsWith("default=", StringComparison.Ordinal))
                    {
                        defaultValue = assignment[8..];
                    }
                    else if (assignment.StartsWith("timeout=", StringComparison.Ordinal))
                    {
                        timeout = assignment[8..];
                    }
                }

                continue;
            }

            ReadEntryCommand(entry, line, words);
        }

        return entries;
    }

    private static void ReadEntryCommand(Grub2Entry entry, string line, List<(string Text, int End)> words)
    {
        var command = words[0].Text;
        var noUnzip = false;
        var position = 1;
        while (position < words.Count && words[position].Text.StartsWith("--", StringComparison.Ordinal))
        {
            noUnzip |= words[position].Text == "--nounzip";
            position++;
        }

        var path = position < words.Count ? words[position].Text : null;
        var rest = position < words.Count ? line[words[position].End..].Trim(' ', '\t') : string.Empty;
        var arguments = rest.Length > 0 ? rest : null;
        switch (command)
        {
            case "multiboot":
            case "multiboot2":
            case "xen_hypervisor":
                entry.MultibootCommand = command;
                entry.Hypervisor = path;
                entry.HypervisorArguments = arguments;
                break;
            case "module":
            case "module2":
            case "xen_module":
                if (path is not null)
                {
                    entry.ModuleList.Add(new GrubModule(path, arguments, noUnzip, null, 0));
                }

                break;
            case "linux":
            case "linux16":
            case "linuxefi":
                entry.Linux = path;
                entry.LinuxArguments = arguments;
                break;
            case "initrd":
            case "initrd16":
            case "initrdefi":
                entry.Initrd = position < words.Count ? line[words[position - 1].End..].Trim(' ', '\t') : null;
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Whether a line whose command is <paramref name="command"/> can change what is read; the rest (<c>if</c>,
    /// <c>insmod</c>, <c>search</c>, <c>echo</c>...) is most of a generated grub.cfg and is not split into words.
    /// A command written with quotes or escapes (an empty <paramref name="command"/>) is always read.
    /// </summary>
    private static bool Matters(ReadOnlySpan<char> command, bool inFunction, bool inEntry, bool atTopLevel) =>
        command.IsEmpty || command is "}" || (!inFunction && (command is "menuentry" or "submenu" or "function"
            || (inEntry ? IsEntryCommand(command) : atTopLevel && command is "set")));

    private static bool IsEntryCommand(ReadOnlySpan<char> command) => command is "multiboot" or "multiboot2" or "xen_hypervisor"
        or "module" or "module2" or "xen_module" or "linux" or "linux16" or "linuxefi" or "initrd" or "initrd16" or "initrdefi";

    /// <summary>The line's first word when it is plain (no quote or backslash before the first blank), else empty.</summary>
    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> line)
    {
        var end = line.IndexOfAny(" \t'\"\\");
        return end < 0 ? line : line[end] is ' ' or '\t' ? line[..end] : [];
    }

    /// <summary>Splits a line into shell-like words: blanks separate, quotes group, backslash escapes; the end offset of each word is kept.</summary>
    private static List<(string Text, int End)> Words(string line)
    {
        var words = new List<(string, int)>();
        var position = 0;
        while (position < line.Length)
        {
            while (position < line.Length && line[position] is ' ' or '\t')
            {
                position++;
            }

            if (position >= line.Length)
            {
                break;
            }

            var word = new StringBuilder();
            while (position < line.Length && line[position] is not (' ' or '\t'))
            {
                var c = line[position];
                if (c == '\'')
                {
                    var close = line.IndexOf('\'', position + 1);
                    close = close < 0 ? line.Length : close;
                    word.Append(line, position + 1, close - position - 1);
                    position = Math.Min(close + 1, line.Length);
                }
                else if (c == '"')
                {
                    position++;
                    while (position < line.Length && line[position] != '"')
                    {
                        if (line[position] == '\\' && position + 1 < line.Length)
                        {
                            position++;
                        }

                        word.Append(line[position]);
                        position++;
                    }

                    position = Math.Min(position + 1, line.Length);
                }
                else if (c == '\\' && position + 1 < line.Length)
                {
                    word.Append(line[position + 1]);
                    position += 2;
                }
                else
                {
                    word.Append(c);
                    position++;
                }
            }

            words.Add((word.ToString(), position));
        }

        return words;
    }
}
