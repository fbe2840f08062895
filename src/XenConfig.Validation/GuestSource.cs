using XenConfig.Diagnostics;

namespace XenConfig.Validation;

/// <summary>
/// A guest whose files were read by another reader (a YAML VM definition, say) and that takes part in a repository
/// validation like the guests found on disk.
/// </summary>
/// <param name="Guest">The guest's parsed documents; null when the reader could not build them (its diagnostics say why).</param>
/// <param name="Diagnostics">What the reader found (parse errors of the definition and of its parts).</param>
/// <param name="FilesRead">How many files the reader read, for the file count.</param>
/// <param name="Relocate">
/// Maps a diagnostic on one of the guest's generated documents back to where its text came from (a line of the
/// YAML file); returns other diagnostics unchanged.
/// </param>
public sealed record GuestSource(Guest? Guest, IReadOnlyList<Diagnostic> Diagnostics, int FilesRead, Func<Diagnostic, Diagnostic> Relocate);
