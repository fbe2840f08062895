using System.Diagnostics.CodeAnalysis;

namespace XenConfig.Devices;

/// <summary>
/// One vfb spec (an item of <c>vfb = [ ... ]</c>), read as xl does: comma-separated <c>key=value</c> pieces, leading
/// spaces dropped, numbers and booleans via <c>atoi</c>, unknown keys silently ignored, and a piece without <c>=</c>
/// ending the parse of that vfb (the rest is ignored). xl never rejects a vfb spec.
/// </summary>
public sealed class VfbSpec
{
    private readonly Dictionary<string, string> _settings;

    private VfbSpec(string text, Dictionary<string, string> settings, IReadOnlyList<string> ignored)
    {
        Text = text;
        _settings = settings;
        IgnoredItems = ignored;
    }

    /// <summary>The spec exactly as written.</summary>
    public string Text { get; }

    /// <summary><c>vnc=</c> (atoi, non-zero = true), or null.</summary>
    public bool? Vnc => Bool("vnc");

    /// <summary><c>vnclisten=</c>, or null.</summary>
    public string? VncListen => Get("vnclisten");

    /// <summary><c>vncpasswd=</c>, or null.</summary>
    public string? VncPassword => Get("vncpasswd");

    /// <summary><c>vncdisplay=</c> (atoi), or null.</summary>
    public int? VncDisplay => Get("vncdisplay") is { } value ? CNumbers.Atoi(value) : null;

    /// <summary><c>vncunused=</c>, or null.</summary>
    public bool? VncUnused => Bool("vncunused");

    /// <summary><c>keymap=</c>, or null.</summary>
    public string? Keymap => Get("keymap");

    /// <summary><c>sdl=</c>, or null.</summary>
    public bool? Sdl => Bool("sdl");

    /// <summary><c>opengl=</c>, or null.</summary>
    public bool? OpenGl => Bool("opengl");

    /// <summary><c>display=</c> (the X display for SDL), or null.</summary>
    public string? Display => Get("display");

    /// <summary><c>xauthority=</c>, or null.</summary>
    public string? XAuthority => Get("xauthority");

    /// <summary>The recognised settings, the last value of each key.</summary>
    public IReadOnlyDictionary<string, string> Settings => _settings;

    /// <summary>Pieces xl ignores: unknown keys, the first piece without <c>=</c> and everything after it.</summary>
    public IReadOnlyList<string> IgnoredItems { get; }

    /// <summary>Parses a vfb spec (never fails for a non-null string; provided for symmetry).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The parsed spec.</returns>
    public static VfbSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryParse(spec, out var vfb, out _) ? vfb : throw new InvalidOperationException("unreachable: xl accepts every vfb spec");
    }

    /// <summary>Parses a vfb spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="vfb">The parsed spec.</param>
    /// <param name="error">Always null: xl accepts any vfb spec.</param>
    /// <returns>True.</returns>
    public static bool TryParse(string spec, [NotNullWhen(true)] out VfbSpec? vfb, out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var stopped = false;
        foreach (var raw in DeviceGrammar.SplitCommas(spec))
        {
            var piece = raw.SkipSpaces();
            if (stopped || DeviceGrammar.KeyValue(piece) is not { } pair)
            {
                stopped = true;
                ignored.Add(piece.Text);
                continue;
            }

            if (pair.Key is "vnc" or "vnclisten" or "vncpasswd" or "vncdisplay" or "vncunused" or "keymap" or "sdl" or "opengl" or "display" or "xauthority")
            {
                settings[pair.Key] = pair.Value;
            }
            else
            {
                ignored.Add(piece.Text);
            }
        }

        vfb = new VfbSpec(spec, settings, ignored);
        error = null;
        return true;
    }

    /// <summary>The spec exactly as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    private string? Get(string key) => _settings.TryGetValue(key, out var value) ? value : null;

    private bool? Bool(string key) => Get(key) is { } value ? CNumbers.Atoi(value) != 0 : null;
}
