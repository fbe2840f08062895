using System.Diagnostics.CodeAnalysis;

namespace XenConfig.Devices;

/// <summary>
/// One vtpm spec (an item of <c>vtpm = [ ... ]</c>): <c>backend=DOMAIN[,uuid=UUID]</c>, read as xl does. A piece
/// without <c>=</c> ends the parse; an unknown key, an unparsable uuid or a missing backend make xl abort.
/// </summary>
public sealed class VtpmSpec
{
    private VtpmSpec(string text, string backend, Guid? uuid)
    {
        Text = text;
        Backend = backend;
        Uuid = uuid;
    }

    /// <summary>The spec exactly as written.</summary>
    public string Text { get; }

    /// <summary><c>backend=</c>: the vTPM stub domain (required).</summary>
    public string Backend { get; }

    /// <summary><c>uuid=</c>, or null (libxl generates one).</summary>
    public Guid? Uuid { get; }

    /// <summary>Parses a vtpm spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The parsed spec.</returns>
    /// <exception cref="DeviceSpecFormatException">xl rejects the spec.</exception>
    public static VtpmSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryParse(spec, out var vtpm, out var error) ? vtpm : throw new DeviceSpecFormatException(spec, error);
    }

    /// <summary>Parses a vtpm spec without throwing.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="vtpm">The parsed spec, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the spec.</returns>
    public static bool TryParse(string spec, [NotNullWhen(true)] out VtpmSpec? vtpm, [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        vtpm = null;
        string? backend = null;
        Guid? uuid = null;
        foreach (var raw in DeviceGrammar.SplitCommas(spec))
        {
            var piece = raw.SkipSpaces();
            if (DeviceGrammar.KeyValue(piece) is not { } pair)
            {
                break;
            }

            switch (pair.Key)
            {
                case "backend":
                    backend = pair.Value;
                    break;
                case "uuid":
                    if (!DeviceGrammar.TryParseUuid(pair.Value, out var parsed))
                    {
                        error = new DeviceSpecError("Failed to parse vtpm UUID", pair.ValueStart, pair.Value.Length);
                        return false;
                    }

                    uuid = parsed;
                    break;
                default:
                    error = new DeviceSpecError("Unknown string in vtpm spec", piece.Start, pair.Key.Length);
                    return false;
            }
        }

        if (backend is null)
        {
            error = new DeviceSpecError("vtpm spec missing required backend field", 0, spec.Length);
            return false;
        }

        vtpm = new VtpmSpec(spec, backend, uuid);
        error = null;
        return true;
    }

    /// <summary>The spec exactly as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
