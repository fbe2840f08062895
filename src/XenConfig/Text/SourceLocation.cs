namespace XenConfig.Text;

/// <summary>Where something is: the file (if any), the span of text, and the line and column where it starts.</summary>
/// <param name="Path">The file, or null for text that has no file.</param>
/// <param name="Span">The characters concerned.</param>
/// <param name="Start">Line and column of <see cref="TextSpan.Start"/>.</param>
public sealed record SourceLocation(string? Path, TextSpan Span, LinePosition Start)
{
    /// <summary>A location for a whole file or for something that has no position (line 1, column 1).</summary>
    public static SourceLocation None(string? path = null) => new(path, default, default);

    /// <summary>
    /// False for a location that names a whole file or nothing in particular (<see cref="None(string?)"/>: an empty
    /// span at the start, line 1, column 1); true when it points at a place in the text.
    /// </summary>
    public bool HasPosition => Span.Length != 0 || Span.Start != 0 || Start != default;

    /// <summary>The MSBuild-canonical origin: <c>path(line,col)</c>.</summary>
    /// <remarks>Concatenated: see <see cref="Diagnostics.Diagnostic.ToString"/> on interpolated strings inside others.</remarks>
    public override string ToString() => string.Concat(Path ?? "<text>", "(", Start.ToString(), ")");
}
