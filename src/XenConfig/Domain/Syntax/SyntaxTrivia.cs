using XenConfig.Text;

namespace XenConfig.Domain.Syntax;

/// <summary>Text between tokens that carries no value: whitespace, comments, line breaks, skipped text.</summary>
/// <remarks>The text is cut from the file on demand, so a parse allocates no string per trivia.</remarks>
public readonly struct SyntaxTrivia : IEquatable<SyntaxTrivia>
{
    private readonly string _source;

    internal SyntaxTrivia(SyntaxKind kind, TextSpan span, string source)
    {
        Kind = kind;
        Span = span;
        _source = source;
    }

    /// <summary>What the trivia is.</summary>
    public SyntaxKind Kind { get; }

    /// <summary>Where it is in the file.</summary>
    public TextSpan Span { get; }

    /// <summary>The characters, exactly as written.</summary>
    public string Text => _source.Substring(Span.Start, Span.Length);

    /// <summary>The characters without copying them.</summary>
    public ReadOnlySpan<char> AsSpan() => _source.AsSpan(Span.Start, Span.Length);

    /// <inheritdoc />
    public bool Equals(SyntaxTrivia other) => Kind == other.Kind && Span == other.Span && AsSpan().SequenceEqual(other.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SyntaxTrivia other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Span);

    /// <summary>Compares kind, position and text.</summary>
    public static bool operator ==(SyntaxTrivia left, SyntaxTrivia right) => left.Equals(right);

    /// <summary>Compares kind, position and text.</summary>
    public static bool operator !=(SyntaxTrivia left, SyntaxTrivia right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Text;
}
