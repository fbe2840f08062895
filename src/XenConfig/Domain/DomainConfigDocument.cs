using System.Diagnostics.CodeAnalysis;
using XenConfig.Diagnostics;
using XenConfig.Domain.Syntax;
using XenConfig.Text;

namespace XenConfig.Domain;

/// <summary>
/// A domain config (<c>/etc/xen/*.cfg</c>, xl.cfg syntax) as a lossless syntax tree, with its syntax diagnostics and
/// the effective settings libxlu would compute.
/// </summary>
/// <remarks>
/// Parsing never throws: problems are <see cref="Diagnostics"/>, and <see cref="HasErrors"/> is true exactly when xl
/// would reject the file. <see cref="ToString"/> always returns the text as read, or as edited.
/// Edits belong to the model (<see cref="Model.DomainConfig.Set(string, SettingValue)"/>, <see cref="Model.DomainConfig.Remove"/>
/// and the list-item edits): each one rewrites a span of this document's text and parses it again, so the tree, the
/// settings and the diagnostics always describe the current text.
/// </remarks>
public sealed partial class DomainConfigDocument
{
    private DomainConfigDocument(SourceText text, DomainConfigParseOptions options, Func<Diagnostic, bool>? stopAt = null)
    {
        Options = options;
        SourceText = text;
        Diagnostics = Analyze(text, stopAt);
    }

    /// <summary>The options the document was parsed with.</summary>
    public DomainConfigParseOptions Options { get; }

    /// <summary>The current text, with its path and encoding.</summary>
    public SourceText SourceText { get; private set; }

    /// <summary>The file path, if the document has one.</summary>
    public string? Path => SourceText.Path;

    /// <summary>The root of the syntax tree.</summary>
    /// <remarks>A file xl accepts without a word is parsed in one fast pass; its tree is built the first time it is asked for.</remarks>
    public DomainConfigSyntax Syntax => (_analysis ?? Build()).Syntax;

    /// <summary>Everything the parser found, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; }

    /// <summary>True when there is an error: xl would reject the file.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The effective settings, in order of each key's first assignment, as libxlu computes them.</summary>
    public IReadOnlyDictionary<string, Setting> Settings => (_analysis ?? Build()).Settings;

    /// <summary>Parses text. Never throws on bad input.</summary>
    public static DomainConfigDocument Parse(string text, string? path = null, DomainConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DomainConfigDocument(SourceText.From(text, path), options ?? DomainConfigParseOptions.Default);
    }

    /// <summary>Parses a <see cref="SourceText"/>. Never throws on bad input.</summary>
    public static DomainConfigDocument Parse(SourceText text, DomainConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DomainConfigDocument(text, options ?? DomainConfigParseOptions.Default);
    }

    /// <summary>Reads and parses a file, byte for byte (BOM and line endings kept).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DomainConfigDocument Load(string path, DomainConfigParseOptions? options = null) =>
        Parse(SourceText.Load(path), options);

    /// <summary>The effective value of <paramref name="key"/>, or null when it is not set.</summary>
    public SettingValue? GetValue(string key)
    {
        if (_analysis is null && _scan is { } scan)
        {
            // The fast pass's index: the value is read from the text, and only this key's.
            ArgumentNullException.ThrowIfNull(key);
            return scan.GetValue(key);
        }

        return Settings.TryGetValue(key, out var setting) ? setting.Value : null;
    }

    /// <summary>The effective setting of <paramref name="key"/>.</summary>
    public bool TryGetSetting(string key, [NotNullWhen(true)] out Setting? setting) => Settings.TryGetValue(key, out setting);

    /// <summary>
    /// Writes the current text to <paramref name="path"/> (default: the file it was loaded from) with
    /// <see cref="AtomicFile"/>, in the encoding it was read with: through symbolic links, keeping mode, owner and
    /// group. Saving to the file it was loaded from is refused when that file changed since (someone else's edit).
    /// </summary>
    /// <param name="path">Where to write; null for the file the document was loaded from.</param>
    /// <param name="options">Checks and overrides (<see cref="AtomicFileOptions.Force"/>); null for the defaults.</param>
    /// <exception cref="InvalidOperationException">No path was given and the document has none.</exception>
    /// <exception cref="SaveRefusedException">The save was refused (XC0013): changed since read, read-only, hard links, locked.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string? path = null, AtomicFileOptions? options = null)
    {
        path ??= Path ?? throw new InvalidOperationException("The document has no path; pass one to Save.");
        AtomicFile.WriteAllBytes(path, SourceText.GetBytes(SourceText.Content), AtomicFile.ForDocument(SourceText, path, options));
    }

    /// <summary>The text exactly as read, or as edited.</summary>
    public override string ToString() => SourceText.Content;

    private void Replace(SourceText text)
    {
        SourceText = text;
        Diagnostics = Analyze(text);
    }
}
