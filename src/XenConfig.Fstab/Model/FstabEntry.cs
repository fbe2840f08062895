using XenConfig.Fstab.Syntax;

namespace XenConfig.Fstab.Model;

/// <summary>
/// One mount entry, a typed view over its line in the document. Reading decodes the fields as libmount does; setting a
/// property rewrites only that field (escaped so libmount reads back the value), and setting the current value changes
/// no byte.
/// </summary>
public sealed class FstabEntry
{
    private readonly FstabDocument _document;

    internal FstabEntry(FstabDocument document, FstabEntryLine syntax)
    {
        _document = document;
        Syntax = syntax;
    }

    /// <summary>The line in the syntax tree.</summary>
    public FstabEntryLine Syntax { get; }

    /// <summary>The one-based line number in the current text.</summary>
    public int LineNumber => _document.GetLineNumber(Syntax);

    /// <summary>Field 1: what is mounted.</summary>
    /// <exception cref="ArgumentException">On set: the text is empty, holds NUL, or does not fit the file's encoding.</exception>
    public FstabSource Source
    {
        get => FstabSource.Parse(Syntax.Source.Value);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _document.SetField(Syntax, FstabFieldKind.Source, value.Text);
        }
    }

    /// <summary>Field 2: the mount point (<c>none</c> or <c>swap</c> for swap).</summary>
    /// <exception cref="ArgumentException">On set: the text is empty, holds NUL, or does not fit the file's encoding.</exception>
    public string MountPoint
    {
        get => Syntax.Target.Value;
        set => _document.SetField(Syntax, FstabFieldKind.Target, value);
    }

    /// <summary>Field 3: the filesystem type (<c>ext4</c>, <c>swap</c>, <c>auto</c>, <c>udf,iso9660</c>...).</summary>
    /// <exception cref="ArgumentException">On set: the text is empty, holds NUL, or does not fit the file's encoding.</exception>
    public string FileSystemType
    {
        get => Syntax.FileSystemType.Value;
        set => _document.SetField(Syntax, FstabFieldKind.FileSystemType, value);
    }

    /// <summary>
    /// Field 4: the options (empty when the line has only three fields). Setting an empty list writes <c>defaults</c>,
    /// since an fstab field cannot be empty.
    /// </summary>
    public MountOptions Options
    {
        get => Syntax.Options is { } optionsField ? MountOptions.Parse(optionsField.Value) : MountOptions.Empty;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var text = value.ToString();
            if (text.Length == 0)
            {
                if (Syntax.Options is null)
                {
                    return;
                }

                text = "defaults";
            }

            _document.SetField(Syntax, FstabFieldKind.Options, text);
        }
    }

    /// <summary>The options text libmount returns, or null when the field is absent.</summary>
    public string? OptionsText => Syntax.Options?.Value;

    /// <summary>Field 5: the dump frequency (0 when absent).</summary>
    /// <exception cref="InvalidOperationException">On set: the line would no longer be an entry libmount reads (a dump
    /// number past strtol's range, valid only at the end of the line, would be followed by a pass field).</exception>
    public int Dump
    {
        get => Syntax.DumpNumber;
        set => _document.SetNumber(Syntax, FstabFieldKind.Dump, value);
    }

    /// <summary>Field 6: the fsck pass number (0 when absent).</summary>
    /// <exception cref="InvalidOperationException">On set: the line would no longer be an entry libmount reads (see
    /// <see cref="Dump"/>); the document is unchanged.</exception>
    public int Pass
    {
        get => Syntax.PassNumber;
        set => _document.SetNumber(Syntax, FstabFieldKind.Pass, value);
    }

    /// <summary>True for swap entries (type <c>swap</c>); their mount point is ignored by libmount.</summary>
    public bool IsSwap => string.Equals(FileSystemType, "swap", StringComparison.Ordinal);

    /// <summary>Sets one option (see <see cref="MountOptions.With"/>); the other options keep their text.</summary>
    public void SetOption(string name, string? value = null) => Options = Options.With(name, value);

    /// <summary>Removes every option of this name (see <see cref="MountOptions.Without"/>).</summary>
    public void RemoveOption(string name) => Options = Options.Without(name);

    /// <summary>The line as written.</summary>
    public override string ToString() => Syntax.Text;
}
