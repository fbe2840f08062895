namespace XenConfig.Fstab.Syntax;

/// <summary>A comment line: its first non-blank character is <c>#</c>. fstab has no comments after fields.</summary>
public sealed class FstabCommentLine : FstabLine
{
    internal FstabCommentLine(string text, string lineBreak)
        : base(lineBreak)
    {
        Text = text;
    }

    /// <inheritdoc />
    public override FstabLineKind Kind => FstabLineKind.Comment;

    /// <inheritdoc />
    public override string Text { get; }

    /// <summary>The text after the <c>#</c>.</summary>
    public string CommentText => Text[(Text.IndexOf('#', StringComparison.Ordinal) + 1)..];
}
