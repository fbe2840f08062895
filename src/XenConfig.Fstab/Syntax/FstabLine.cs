namespace XenConfig.Fstab.Syntax;

/// <summary>
/// One line of an fstab: its text and its line break, kept exactly as read. <see cref="ToString"/> returns both, so the
/// lines of a document concatenated give the file back byte for byte.
/// </summary>
public abstract class FstabLine
{
    private protected FstabLine()
    {
    }

    /// <summary>What kind of line this is.</summary>
    public abstract FstabLineKind Kind { get; }

    /// <summary>The text of the line without its line break.</summary>
    public abstract string Text { get; }

    /// <summary>
    /// The line break as written: <c>"\n"</c>, <c>"\r\n"</c>, <c>"\r"</c> (a carriage return ending the last line of a
    /// file, which libmount drops like the one before a line feed) or empty for a last line without one.
    /// </summary>
    public string LineBreak => LineBreakText;

    // Kept by each kind of line: an entry line packs it into two bits, so the most common line stays a 40-byte object.
    private protected abstract string LineBreakText { get; }

    /// <summary>The line exactly as written, line break included.</summary>
    public override string ToString() => Text + LineBreak;
}
