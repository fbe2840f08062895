namespace XenConfig.Fstab.Syntax;

/// <summary>What one line of an fstab is, as libmount sees it.</summary>
public enum FstabLineKind
{
    /// <summary>Only spaces and tabs (or nothing).</summary>
    Blank,

    /// <summary>The first non-blank character is <c>#</c>.</summary>
    Comment,

    /// <summary>A mount entry: at least source, mount point and type.</summary>
    Entry,

    /// <summary>A line libmount rejects with a parse error and skips; kept raw.</summary>
    Error,
}
