using Sprache;

namespace XenConfig.Devices;

/// <summary>Sprache pieces shared by the <c>key=value,...</c> device languages xl splits with <c>strtok</c>.</summary>
internal static class DeviceGrammar
{
    /// <summary>One non-empty comma-separated piece and where it starts in the spec.</summary>
    internal sealed class Piece : IPositionAware<Piece>
    {
        public Piece(string text, int start = 0)
        {
            Text = text;
            Start = start;
        }

        public string Text { get; }

        public int Start { get; }

        public Piece SetPos(Position startPos, int length) => new(Text, startPos.Pos);

        /// <summary>xl's <c>while (*p == ' ') p++;</c>: the piece without its leading spaces (not tabs).</summary>
        public Piece SkipSpaces()
        {
            var skipped = Text.Length - Text.TrimStart(' ').Length;
            return new Piece(Text[skipped..], Start + skipped);
        }
    }

    private static readonly Parser<Piece> PieceParser =
        Parse.CharExcept(',').AtLeastOnce().Text().Select(text => new Piece(text)).Positioned();

    /// <summary>
    /// <c>strtok(s, ",")</c>: the non-empty pieces between commas (runs of commas and leading/trailing commas
    /// produce no empty pieces).
    /// </summary>
    private static readonly Parser<IEnumerable<Piece>> CommaPieces =
        (from leading in Parse.Char(',').Many()
         from pieces in PieceParser.DelimitedBy(Parse.Char(',').AtLeastOnce()).Optional()
         from trailing in Parse.Char(',').Many()
         select pieces.GetOrElse([])).End();

    /// <summary>Splits like <c>strtok(s, ",")</c>; the spec ends at a NUL as xl's C string does.</summary>
    public static IReadOnlyList<Piece> SplitCommas(string spec)
    {
        var nul = spec.IndexOf('\0', StringComparison.Ordinal);
        var text = nul < 0 ? spec : spec[..nul];
        return [.. CommaPieces.Parse(text)];
    }

    /// <summary>The key and value of a <c>key=value</c> piece split at its first <c>=</c>, or null without one.</summary>
    public static (string Key, string Value, int ValueStart)? KeyValue(Piece piece)
    {
        var equals = piece.Text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? null : (piece.Text[..equals], piece.Text[(equals + 1)..], piece.Start + equals + 1);
    }

    /// <summary>libuuid's <c>uuid_parse</c>, as xl reads <c>uuid</c> and vtpm uuids: exactly 8-4-4-4-12 hex digits.</summary>
    internal static bool TryParseUuid(string text, out Guid uuid)
    {
        uuid = default;
        if (text.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            var hyphen = i is 8 or 13 or 18 or 23;
            if (hyphen ? text[i] != '-' : CNumbers.HexValue(text[i]) < 0)
            {
                return false;
            }
        }

        return Guid.TryParseExact(text, "D", out uuid);
    }
}
