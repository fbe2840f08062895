namespace XenConfig.Libxl;

/// <summary>What libxl does when a guest shuts down for a reason (<c>libxl_action_on_shutdown</c>).</summary>
public enum LibxlShutdownAction
{
    /// <summary><c>destroy</c>: the domain is destroyed.</summary>
    Destroy,

    /// <summary><c>restart</c>: a new domain with the same config is started.</summary>
    Restart,

    /// <summary><c>rename-restart</c> in xl.cfg, <c>restart_rename</c> in libxl: the old domain is kept renamed.</summary>
    RestartRename,

    /// <summary><c>preserve</c>: the domain is left as it is.</summary>
    Preserve,

    /// <summary><c>coredump-destroy</c>.</summary>
    CoredumpDestroy,

    /// <summary><c>coredump-restart</c>.</summary>
    CoredumpRestart,

    /// <summary><c>soft-reset</c>.</summary>
    SoftReset,
}
