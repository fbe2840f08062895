using System.Text;
using XenConfig.Text;

namespace XenConfig.Files;

/// <summary>Tells a domain config from an fstab from a GRUB menu, by name first and by content when the name does not say.</summary>
public static class FileClassifier
{
    private const int SniffLines = 200;

    /// <summary>Classifies a file by its name and, where the name is not conclusive, by its first lines.</summary>
    public static FileKind Classify(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        var byName = ClassifyByName(path);
        return byName != FileKind.Unknown ? byName : ClassifyByContent(content);
    }

    /// <summary>Classifies by file name alone; <see cref="FileKind.Unknown"/> when the name is not conclusive.</summary>
    public static FileKind ClassifyByName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name switch
        {
            "fstab" => FileKind.Fstab,
            "menu.lst" or "grub.conf" => FileKind.GrubMenu,
            "grub.cfg" => FileKind.Grub2Config,
            _ when name.EndsWith(".vm.yaml", StringComparison.Ordinal) || name.EndsWith(".vm.yml", StringComparison.Ordinal) => FileKind.VmDefinition,
            _ when name.EndsWith(".fstab", StringComparison.Ordinal) => FileKind.Fstab,
            _ when name.EndsWith(".menu.lst", StringComparison.Ordinal) || name.EndsWith(".grub.conf", StringComparison.Ordinal) => FileKind.GrubMenu,
            _ when name.EndsWith(".grub.cfg", StringComparison.Ordinal) => FileKind.Grub2Config,
            _ when name.EndsWith(".cfg", StringComparison.Ordinal) || name.EndsWith(".xl", StringComparison.Ordinal) => FileKind.DomainConfig,
            _ => FileKind.Unknown,
        };
    }

    /// <summary>
    /// Classifies a text by its first lines, as <see cref="ClassifyByContent(string)"/> does with its content. A text
    /// read as ASCII is not decoded for it: only its first lines are made a string, so classifying a large file costs
    /// what its first lines cost.
    /// </summary>
    public static FileKind ClassifyByContent(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.TryGetAscii(out var ascii))
        {
            return ClassifyByContent(text.Content);
        }

        // Every line feed ends a line the string overload counts (alone, or after a carriage return); carriage returns
        // and form feeds end more. So its first SniffLines lines all end by the SniffLines-th line feed: the text up to
        // there is all it reads.
        var bytes = ascii.Span;
        var end = 0;
        for (var lines = 0; lines < SniffLines && end < bytes.Length; lines++)
        {
            var next = bytes[end..].IndexOf((byte)'\n');
            end = next < 0 ? bytes.Length : end + next + 1;
        }

        return ClassifyByContent(Encoding.Latin1.GetString(bytes[..end]));
    }

    /// <summary>
    /// Classifies by content: GRUB commands (<c>title</c>, <c>kernel</c>, <c>menuentry</c>), fstab rows (three to six
    /// fields with a mount point, <c>swap</c> or <c>none</c> second, <c>UUID=</c> and <c>LABEL=</c> sources included), or
    /// <c>key = value</c> assignments of a domain config.
    /// </summary>
    public static FileKind ClassifyByContent(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        int grub = 0, grub2 = 0, fstab = 0, assignments = 0, other = 0;
        var lines = 0;
        foreach (var rawLine in content.AsSpan().EnumerateLines())
        {
            if (++lines > SniffLines)
            {
                break;
            }

            var line = rawLine.Trim();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            var word = FirstWord(line);
            if (word is "title" or "kernel" or "module" or "initrd" or "root" or "timeout" or "default" or "hiddenmenu")
            {
                grub++;
            }
            else if (word is "menuentry" or "multiboot" or "multiboot2" or "submenu" or "set" or "insmod")
            {
                grub2++;
            }
            else if (LooksLikeFstabRow(line))
            {
                // Before assignments: "UUID=1234 / ext4 defaults 0 1" starts like "key=value", but no xl or xm
                // statement goes on with a path as its second word.
                fstab++;
            }
            else if (LooksLikeAssignment(line))
            {
                assignments++;
            }
            else
            {
                other++;
            }
        }

        var best = Math.Max(Math.Max(grub, grub2), Math.Max(fstab, assignments));
        if (best == 0 || best < other)
        {
            return FileKind.Unknown;
        }

        return best == assignments ? FileKind.DomainConfig
            : best == fstab ? FileKind.Fstab
            : best == grub2 ? FileKind.Grub2Config
            : FileKind.GrubMenu;
    }

    private static string FirstWord(ReadOnlySpan<char> line)
    {
        var end = line.IndexOfAny(" \t=");
        return (end < 0 ? line : line[..end]).ToString();
    }

    private static bool LooksLikeAssignment(ReadOnlySpan<char> line)
    {
        var i = 0;
        if (i >= line.Length || !char.IsAsciiLetter(line[i]))
        {
            return false;
        }

        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or '.'))
        {
            i++;
        }

        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i < line.Length && (line[i] == '=' || (line[i] == '+' && i + 1 < line.Length && line[i + 1] == '='));
    }

    private static bool LooksLikeFstabRow(ReadOnlySpan<char> line)
    {
        var fields = 0;
        var second = ReadOnlySpan<char>.Empty;
        var rest = line;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(' ', '\t');
            var field = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (field.IsEmpty)
            {
                continue;
            }

            fields++;
            if (fields == 2)
            {
                second = field;
            }
        }

        return fields is >= 3 and <= 6 && !second.IsEmpty && (second[0] == '/' || second is "swap" or "none");
    }
}
