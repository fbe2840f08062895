using System.Text;
using System.Text.RegularExpressions;

namespace XenConfig.Validation;

/// <summary>
/// One entry of the <c>ignore</c> list of <c>.xenconfig.yaml</c>: a diagnostic id to suppress, everywhere or only in
/// files whose repository-relative path matches one of <see cref="Paths"/>.
/// </summary>
/// <remarks>
/// Globs match the whole path, relative to the repository root, with <c>/</c> between folders: <c>*</c> matches within
/// one folder name, <c>?</c> one character, <c>**</c> any number of folders (<c>guests/legacy/**</c>,
/// <c>**/fstab</c>). A glob without wildcards also matches everything under it (<c>guests/legacy</c>).
/// </remarks>
public sealed class SuppressionRule
{
    private readonly Regex[] _globs;

    /// <summary>Creates a rule.</summary>
    /// <param name="id">The id to suppress (<c>XC2022</c>).</param>
    /// <param name="paths">Path globs; null or empty to suppress the id everywhere.</param>
    public SuppressionRule(string id, IReadOnlyList<string>? paths = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Paths = paths ?? [];
        _globs = [.. Paths.Select(ToRegex)];
    }

    /// <summary>The diagnostic id this rule suppresses.</summary>
    public string Id { get; }

    /// <summary>Path globs relative to the repository root; empty when the rule applies everywhere.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>True when this rule suppresses <paramref name="id"/> in the file at <paramref name="relativePath"/>.</summary>
    /// <param name="id">A diagnostic id.</param>
    /// <param name="relativePath">The file's path relative to the repository root, <c>/</c>-separated; null for no file.</param>
    public bool Matches(string id, string? relativePath)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!string.Equals(id, Id, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return _globs.Length == 0 || (relativePath is not null && Array.Exists(_globs, g => g.IsMatch(relativePath)));
    }

    /// <summary>The glob as an anchored regular expression; the translation has no nested quantifiers, so no backtracking blow-up.</summary>
    private static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        var text = glob.Replace('\\', '/').TrimStart('/');
        if (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slashAfter = i + 2 < text.Length && text[i + 2] == '/';
                pattern.Append(slashAfter ? "(?:[^\\n]*/)?" : "[^\\n]*");
                i += slashAfter ? 2 : 1;
            }
            else
            {
                pattern.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        pattern.Append("(?:/[^\\n]*)?$");
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}
