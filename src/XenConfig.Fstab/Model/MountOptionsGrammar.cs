using Sprache;

namespace XenConfig.Fstab.Model;

/// <summary>
/// The Sprache grammar of a decoded option string, equivalent to libmount's <c>mnt_optstr_next_option</c>: items split
/// at commas outside double quotes, empty items allowed (and skipped), the first <c>=</c> outside quotes that is not
/// the item's first character splits name and value, and an unclosed quote runs to the end of the string.
/// </summary>
internal static class MountOptionsGrammar
{
    private static readonly Parser<string> Quoted =
        from open in Parse.Char('"')
        from body in Parse.CharExcept('"').Many().Text()
        from close in Parse.Char('"').Optional()
        select close.IsDefined ? "\"" + body + "\"" : "\"" + body;

    private static readonly Parser<string> NameStart = Quoted.Or(Parse.CharExcept(",\"").Once().Text());

    private static readonly Parser<string> NameRest = Quoted.Or(Parse.CharExcept(",\"=").Once().Text());

    private static readonly Parser<string> ValueChunk = Quoted.Or(Parse.CharExcept(",\"").Once().Text());

    private static readonly Parser<MountOption> Item =
        from first in NameStart
        from rest in NameRest.Many()
        from value in Parse.Char('=').Then(_ => ValueChunk.Many()).Optional()
        let name = first + string.Concat(rest)
        let valueText = value.IsDefined ? string.Concat(value.Get()) : null
        let text = valueText is null ? name : name + "=" + valueText
        select new MountOption(text, name, valueText, CountQuotes(text) % 2 == 1);

    private static readonly Parser<MountOption?> Piece = Item.Optional().Select(o => o.IsDefined ? o.Get() : null);

    /// <summary>The whole string: pieces separated by commas; a null piece is an empty item.</summary>
    public static readonly Parser<IEnumerable<MountOption?>> List =
        Piece.DelimitedBy(Parse.Char(',')).End();

    private static int CountQuotes(string text) => text.Count(c => c == '"');
}
