using XenConfig.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>A line holding only spaces and tabs, or nothing.</summary>
public sealed class FstabBlankLine : FstabLine
{
    private readonly SourceText _source;
    private readonly int _start;
    private readonly int _end;
    private string? _text;

    /// <summary>The characters <c>[start, end)</c> of <paramref name="source"/>; the text is made when asked for.</summary>
    internal FstabBlankLine(SourceText source, int start, int end, string lineBreak)
    {
        LineBreakText = lineBreak;
        _source = source;
        _start = start;
        _end = end;
    }

    /// <inheritdoc />
    private protected override string LineBreakText { get; }

    /// <inheritdoc />
    public override FstabLineKind Kind => FstabLineKind.Blank;

    /// <inheritdoc />
    public override string Text => _text ??= FstabStrings.Blanks(_source, _start, _end);
}
