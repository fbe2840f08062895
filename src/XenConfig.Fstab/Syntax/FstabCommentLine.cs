using XenConfig.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>A comment line: its first non-blank character is <c>#</c>. fstab has no comments after fields.</summary>
public sealed class FstabCommentLine : FstabLine
{
    private readonly SourceText _source;
    private readonly int _start;
    private readonly int _end;
    private string? _text;

    /// <summary>The characters <c>[start, end)</c> of <paramref name="source"/>; the text is made when asked for.</summary>
    internal FstabCommentLine(SourceText source, int start, int end, string lineBreak)
    {
        LineBreakText = lineBreak;
        _source = source;
        _start = start;
        _end = end;
    }

    /// <inheritdoc />
    private protected override string LineBreakText { get; }

    /// <inheritdoc />
    public override FstabLineKind Kind => FstabLineKind.Comment;

    /// <inheritdoc />
    public override string Text => _text ??= CodeUnits.Substring(_source, _start, _end - _start);

    /// <summary>The text after the <c>#</c>.</summary>
    public string CommentText => Text[(Text.IndexOf('#', StringComparison.Ordinal) + 1)..];
}
