using XenConfig.Diagnostics;

namespace XenConfig.Text;

/// <summary>Why <see cref="AtomicFile"/> refused to replace a file.</summary>
public enum SaveRefusal
{
    /// <summary>The file holds other bytes than when it was read (someone else saved it in between), or is gone.</summary>
    ChangedSinceRead,

    /// <summary>The file grants no write permission (a 0444 file, even for root).</summary>
    ReadOnly,

    /// <summary>The file has more than one hard link; replacing it would split them.</summary>
    HardLinked,

    /// <summary>Another save of the same file held its lock for longer than the timeout.</summary>
    Locked,
}

/// <summary>
/// A save was refused to protect data (diagnostic XC0013); nothing was written. <see cref="AtomicFileOptions.Force"/>
/// overrides every reason but <see cref="SaveRefusal.Locked"/>.
/// </summary>
public sealed class SaveRefusedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public SaveRefusedException(string path, SaveRefusal reason, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        Reason = reason;
    }

    /// <summary>Creates the exception with a generic message (for serializers and tests).</summary>
    public SaveRefusedException()
        : this("", SaveRefusal.ChangedSinceRead, "the save was refused")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SaveRefusedException(string message)
        : this("", SaveRefusal.ChangedSinceRead, message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SaveRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
    }

    /// <summary>The file that was not replaced (after following symbolic links).</summary>
    public string Path { get; }

    /// <summary>Why.</summary>
    public SaveRefusal Reason { get; }

    /// <summary>The refusal as a diagnostic (XC0013) on the file.</summary>
    public Diagnostic Diagnostic => DiagnosticIds.SaveRefused.Create(SourceLocation.None(Path), Message);
}
