namespace XenConfig.Fstab.Syntax;

/// <summary>A line holding only spaces and tabs, or nothing.</summary>
public sealed class FstabBlankLine : FstabLine
{
    internal FstabBlankLine(string text, string lineBreak)
        : base(lineBreak)
    {
        Text = text;
    }

    /// <inheritdoc />
    public override FstabLineKind Kind => FstabLineKind.Blank;

    /// <inheritdoc />
    public override string Text { get; }
}
