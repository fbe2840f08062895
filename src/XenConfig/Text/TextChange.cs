namespace XenConfig.Text;

/// <summary>
/// One edit of a <see cref="SourceText"/>: the characters of <see cref="Span"/> are replaced by <see cref="NewText"/>.
/// An empty span inserts, an empty <see cref="NewText"/> deletes. Every format's editor expresses its edits as
/// changes and applies them with <see cref="SourceText.WithChanges"/>, then reads the result again.
/// </summary>
/// <param name="Span">The characters replaced, in the text the change is applied to.</param>
/// <param name="NewText">What takes their place.</param>
public sealed record TextChange(TextSpan Span, string NewText)
{
    /// <summary>What takes the place of <see cref="Span"/>.</summary>
    public string NewText { get; init; } = NewText ?? throw new ArgumentNullException(nameof(NewText));

    /// <summary>An insertion of <paramref name="text"/> at <paramref name="position"/>.</summary>
    /// <param name="position">The offset the text goes before.</param>
    /// <param name="text">The text inserted.</param>
    public static TextChange Insert(int position, string text) => new(new TextSpan(position, 0), text);

    /// <summary>A deletion of the characters of <paramref name="span"/>.</summary>
    /// <param name="span">The characters removed.</param>
    public static TextChange Delete(TextSpan span) => new(span, string.Empty);
}
