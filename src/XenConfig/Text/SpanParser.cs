using Sprache;
using XenConfig.Devices;

namespace XenConfig.Text;

/// <summary>
/// What a hand-written scanner matched at the start of <paramref name="text"/>: the number of characters it consumed,
/// or a negative number when the text does not start with a match.
/// </summary>
internal delegate int SpanScanner<T>(ReadOnlySpan<char> text, out T value);

/// <summary>
/// Sprache parsers made from hand-written span scanners: a <see cref="Parser{T}"/> is only a delegate, so a hot leaf
/// grammar can scan characters without allocating a result and an input per character and still compose with
/// Sprache's combinators (and fall back on a combinator grammar for its error messages).
/// </summary>
internal static class SpanParser
{
    /// <summary>A parser that runs <paramref name="scanner"/> over the rest of its input.</summary>
    public static Parser<T> Create<T>(SpanScanner<T> scanner, string expectation) =>
        input =>
        {
            var end = input is OffsetInput offset ? offset.End : input.Source.Length;
            var length = scanner(input.Source.AsSpan(input.Position, end - input.Position), out var value);
            return length >= 0
                ? Result.Success(value, Skip(input, length, end))
                : Result.Failure<T>(input, expectation, [expectation]);
        };

    /// <summary>Runs <paramref name="parser"/> on <paramref name="text"/> from <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
    public static IResult<T> Run<T>(Parser<T> parser, string text, int start, int end) => parser(new OffsetInput(text, start, end));

    private static IInput Skip(IInput input, int length, int end) =>
        length == 0 ? input : new OffsetInput(input.Source, input.Position + length, end);
}
