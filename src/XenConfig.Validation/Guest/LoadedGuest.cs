using XenConfig.Diagnostics;

namespace XenConfig.Validation;

/// <summary>A guest an <see cref="IGuestSource"/> read, with what it found on the way.</summary>
/// <param name="Guest">The guest's parsed documents; null when the source could not build them (its diagnostics say why).</param>
/// <param name="Diagnostics">What the source found (parse errors of the definition and of its parts).</param>
/// <param name="Parts">
/// The other files the guest was read from (full paths): they count as checked, and are not checked again on their own.
/// </param>
public sealed record LoadedGuest(Guest? Guest, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Parts)
{
    /// <summary>
    /// Maps a diagnostic on one of the guest's generated documents back to where its text came from (a line of a YAML
    /// file); null when the guest's documents are files of their own and every diagnostic stays where it is.
    /// </summary>
    public IDiagnosticRelocator? Relocator { get; init; }
}

/// <summary>
/// Moves diagnostics about documents a guest source generated (an inline config held in a YAML definition, say) to
/// the text they came from. <c>XenConfig.Yaml</c>'s <c>VmDefinition</c> is one.
/// </summary>
public interface IDiagnosticRelocator
{
    /// <summary>
    /// <paramref name="diagnostic"/> with its location moved to where the text it points at came from; any diagnostic
    /// about another file is returned unchanged.
    /// </summary>
    Diagnostic Relocate(Diagnostic diagnostic);
}
