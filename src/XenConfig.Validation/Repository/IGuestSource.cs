using XenConfig.Files;

namespace XenConfig.Validation;

/// <summary>
/// A reader of guests that are not laid out as a folder of files: YAML VM definitions (<c>XenConfig.Yaml</c>'s
/// <c>VmDefinitionGuestSource</c>), or a format of your own. <see cref="RepositoryValidation"/> hands it each file the
/// walk found that no built-in reader checks; the guests it loads are checked like the guests on disk and take part in
/// the repository checks.
/// </summary>
public interface IGuestSource
{
    /// <summary>True when this source reads <paramref name="path"/> (a VM definition or a file of unknown kind).</summary>
    bool Accepts(string path, FileKind kind);

    /// <summary>
    /// Reads the guest <paramref name="path"/> describes. Every other file it reads goes through
    /// <paramref name="boundary"/>, so nothing outside the repository is read. Never throws on bad input.
    /// </summary>
    LoadedGuest Load(string path, RepositoryBoundary boundary);
}
