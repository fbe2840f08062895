using XenConfig.Diagnostics;

namespace XenConfig.Fstab.Syntax;

/// <summary>A line that libmount rejects with a parse error and skips. Its text is kept untouched.</summary>
public sealed class FstabErrorLine : FstabLine
{
    internal FstabErrorLine(string text, string lineBreak, Diagnostic diagnostic)
    {
        LineBreakText = lineBreak;
        Text = text;
        Diagnostic = diagnostic;
    }

    /// <inheritdoc />
    private protected override string LineBreakText { get; }

    /// <inheritdoc />
    public override FstabLineKind Kind => FstabLineKind.Error;

    /// <inheritdoc />
    public override string Text { get; }

    /// <summary>Why libmount rejects the line, with the position where it stops.</summary>
    public Diagnostic Diagnostic { get; }
}
