using XenConfig.Diagnostics;

namespace XenConfig.Validation;

/// <summary>A guest an <see cref="IGuestSource"/> read, with what it found on the way.</summary>
/// <param name="Guest">The guest's parsed documents; null when the source could not build them (its diagnostics say why).</param>
/// <param name="Diagnostics">What the source found (parse errors of the definition and of its parts).</param>
/// <param name="Parts">
/// The other files the guest was read from (full paths): they count as checked, and are not checked again on their own.
/// </param>
/// <param name="Relocate">
/// Maps a diagnostic on one of the guest's generated documents back to where its text came from (a line of the
/// YAML file); returns other diagnostics unchanged.
/// </param>
public sealed record LoadedGuest(Guest? Guest, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Parts, Func<Diagnostic, Diagnostic> Relocate);
