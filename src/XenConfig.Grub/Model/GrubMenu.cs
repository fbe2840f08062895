using System.Diagnostics.CodeAnalysis;
using XenConfig.Diagnostics;
using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Model;

/// <summary>
/// The typed model of a GRUB legacy menu: global settings, the entries GRUB numbers, the default entry resolved as
/// GRUB resolves it, and editing operations that change only the bytes they must (a no-op edit changes none). The
/// model is a view over a <see cref="GrubMenuDocument"/>; each edit splices the text and reads it again, so entries
/// obtained before an edit describe the menu before it.
/// </summary>
public sealed partial class GrubMenu
{
    private GrubMenu(GrubMenuDocument document) => Document = document;

    /// <summary>A typed view of a parsed document, with or without errors, for reading and editing.</summary>
    /// <param name="document">The document; every edit replaces <see cref="Document"/> with the edited one.</param>
    public static GrubMenu FromDocument(GrubMenuDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new GrubMenu(document);
    }

    /// <summary>The current syntax tree (replaced by every edit).</summary>
    public GrubMenuDocument Document { get; private set; }

    /// <summary>The diagnostics of the current text.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Document.Diagnostics;

    /// <summary>The entries GRUB numbers, in order.</summary>
    public IReadOnlyList<GrubEntry> Entries => Document.Entries;

    /// <summary>The <c>default</c> number as configured (0 when absent or <c>saved</c>); may name no entry.</summary>
    public int Default => Document.DefaultValue;

    /// <summary>True for <c>default saved</c>: GRUB reads the number from the <c>default</c> file next to the menu (0 when absent).</summary>
    public bool IsDefaultSaved => Document.DefaultSaved;

    /// <summary>
    /// The entry GRUB boots: <see cref="Default"/> when it exists, else the first valid fallback, else 0; for
    /// <c>default saved</c> the entry 0 (what GRUB uses when nothing was saved). Null when there is no entry.
    /// </summary>
    public int? DefaultEntryIndex => Document.DefaultEntryIndex;

    /// <summary>The entry GRUB boots, or null when there is none.</summary>
    public GrubEntry? DefaultEntry => DefaultEntryIndex is { } index ? Entries[index] : null;

    /// <summary>Seconds before GRUB boots the default; 0 boots at once; null waits for a key (no valid timeout line).</summary>
    public int? Timeout => Document.Timeout;

    /// <summary>The fallback entry numbers as GRUB read them (duplicates removed, at most 8).</summary>
    public IReadOnlyList<int> Fallback => Document.Fallback;

    /// <summary>True when the global section has <c>hiddenmenu</c>.</summary>
    public bool HiddenMenu => Global("hiddenmenu") is not null;

    /// <summary>The <c>splashimage</c> argument, or null.</summary>
    public string? SplashImage => Global("splashimage")?.Argument;

    /// <summary>The global <c>password</c> argument (<c>--md5 $1$...</c> or plain text), or null.</summary>
    public string? Password => Global("password")?.Argument;

    /// <summary>The <c>serial</c> argument, or null.</summary>
    public string? Serial => Global("serial")?.Argument;

    /// <summary>The <c>terminal</c> argument, or null.</summary>
    public string? Terminal => Global("terminal")?.Argument;

    /// <summary>The <c>color</c> argument, or null.</summary>
    public string? Color => Global("color")?.Argument;

    /// <summary>The global command lines without a typed property here (and unknown ones), raw.</summary>
    public IReadOnlyList<GrubLine> OtherGlobalCommands => Document.GlobalCommands
        .Where(l => l.Name is not ("default" or "timeout" or "fallback" or "hiddenmenu" or "splashimage" or "password" or "serial" or "terminal" or "color"))
        .ToList();

    /// <summary>The Xen view of every entry that has modules.</summary>
    public IReadOnlyList<XenBootEntry> XenEntries => Entries.Where(e => e.Xen is not null).Select(e => e.Xen!).ToList();

    /// <summary>Reads a menu; throws when it has errors.</summary>
    /// <exception cref="XenConfigException">The text has errors; the exception carries every diagnostic.</exception>
    public static GrubMenu Parse(string text, string? path = null, GrubParseOptions? options = null)
    {
        var document = GrubMenuDocument.Parse(text, path, options);
        return document.HasErrors ? throw new XenConfigException(document.Diagnostics) : new GrubMenu(document);
    }

    /// <summary>Reads a menu; false (with the diagnostics) when it has errors.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out GrubMenu? menu, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var document = GrubMenuDocument.Parse(text);
        diagnostics = document.Diagnostics;
        menu = document.HasErrors ? null : new GrubMenu(document);
        return menu is not null;
    }

    /// <summary>Reads a file; throws when it has errors.</summary>
    /// <exception cref="XenConfigException">The file has errors.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static GrubMenu Load(string path, GrubParseOptions? options = null)
    {
        var document = GrubMenuDocument.Load(path, options);
        return document.HasErrors ? throw new XenConfigException(document.Diagnostics) : new GrubMenu(document);
    }

    /// <summary>
    /// Writes the current text atomically (<see cref="GrubMenuDocument.Save"/>), in the encoding it was read with.
    /// </summary>
    /// <param name="path">Where to write; null for the file the menu was loaded from.</param>
    /// <param name="options">Checks and overrides (<see cref="AtomicFileOptions.Force"/>); null for the defaults.</param>
    /// <exception cref="InvalidOperationException">No path was given and the menu has none.</exception>
    /// <exception cref="SaveRefusedException">The save was refused (XC0013): changed since read, read-only, hard links, locked.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string? path = null, AtomicFileOptions? options = null) => Document.Save(path, options);

    /// <summary>The current text.</summary>
    public override string ToString() => Document.ToString();

    private GrubLine? Global(string name) => Document.GlobalCommands.LastOrDefault(l => l.Name == name);
}
