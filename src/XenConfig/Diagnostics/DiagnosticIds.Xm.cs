namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    // XC1100-XC1199: the xm (Python) dialect of domain configs.

    /// <summary>XC1101: the file is not valid Python 2 (tokenizer or grammar error); xm would refuse it.</summary>
    public static readonly DiagnosticDescriptor XmSyntaxError =
        new("XC1101", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the xm config is not valid Python 2; xm create refuses it");

    /// <summary>XC1102: valid Python that the safe evaluator does not run (class, try, while, exec, open...).</summary>
    public static readonly DiagnosticDescriptor XmUnsupportedConstruct =
        new("XC1102", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a Python construct the safe xm evaluator does not run");

    /// <summary>XC1103: an unsupported construct in a branch that was not taken, so it did not matter.</summary>
    public static readonly DiagnosticDescriptor XmUnsupportedConstructNotRun =
        new("XC1103", DiagnosticSeverity.Info, DiagnosticCategory.Syntax, "a Python construct the evaluator does not support, in code that did not run");

    /// <summary>XC1104: the script raised a Python exception (NameError, TypeError, ValueError...); xm create fails.</summary>
    public static readonly DiagnosticDescriptor XmRuntimeError =
        new("XC1104", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the xm config raised a Python exception; xm create fails");

    /// <summary>XC1105: an import of a module the evaluator does not provide.</summary>
    public static readonly DiagnosticDescriptor XmUnknownModule =
        new("XC1105", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "an import of a module the xm evaluator does not provide");

    /// <summary>XC1106: a nesting, size, step, work or recursion limit was reached.</summary>
    public static readonly DiagnosticDescriptor XmLimitExceeded =
        new("XC1106", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the xm config exceeds a nesting, size, step or recursion limit");

    /// <summary>XC1107: a variable's type (bool, long, tuple, dict, None, unicode) made xend silently drop it.</summary>
    public static readonly DiagnosticDescriptor XmValueDropped =
        new("XC1107", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "xend ignored this variable because of its type (only str, list, int and float become options)");

    /// <summary>XC1108: the result depends on the host (<c>os.path.exists</c>, <c>os.uname</c>, the environment).</summary>
    public static readonly DiagnosticDescriptor XmHostDependent =
        new("XC1108", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "the value depends on the host that ran xm; an assumed answer was used");

    /// <summary>XC1109: a list value holds an item that xl cannot represent directly; its Python text was used.</summary>
    public static readonly DiagnosticDescriptor XmValueRendered =
        new("XC1109", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "a value has no xl equivalent; its Python text was used");

    /// <summary>XC1120: <c>builder</c> became <c>type</c>.</summary>
    public static readonly DiagnosticDescriptor XmConvertBuilder =
        new("XC1120", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "builder was converted to xl's type");

    /// <summary>XC1121: an xm-only key has no xl equivalent and was dropped (kept as a comment).</summary>
    public static readonly DiagnosticDescriptor XmConvertDroppedKey =
        new("XC1121", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "an xm-only key has no xl equivalent; it was dropped and kept as a comment");

    /// <summary>XC1122: a key was renamed to its xl name (<c>cpu_cap</c> to <c>cap</c>).</summary>
    public static readonly DiagnosticDescriptor XmConvertRenamedKey =
        new("XC1122", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "a key was renamed to its xl name");

    /// <summary>XC1123: an HVM <c>kernel</c> (xm's firmware loader, usually hvmloader) was dropped; xl loads the firmware itself.</summary>
    public static readonly DiagnosticDescriptor XmConvertHvmloaderDropped =
        new("XC1123", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "the HVM kernel (xm's firmware loader) was dropped; xl loads the firmware itself");

    /// <summary>XC1124: <c>device_model</c> was dropped (xl ignores it).</summary>
    public static readonly DiagnosticDescriptor XmConvertDeviceModelDropped =
        new("XC1124", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "device_model was dropped; xl ignores it (use device_model_override and device_model_version)");

    /// <summary>XC1125: xm kernel command line keys were folded into <c>extra</c> / <c>root</c>.</summary>
    public static readonly DiagnosticDescriptor XmConvertKernelCommandLine =
        new("XC1125", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "xm kernel command line keys were folded into the kernel command line");

    /// <summary>XC1126: an xm default that differs from xl's was written explicitly.</summary>
    public static readonly DiagnosticDescriptor XmConvertDefaultMadeExplicit =
        new("XC1126", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "an xm default that differs from xl's default was written explicitly");

    /// <summary>XC1127: a disk with access <c>w!</c> (forced shared write), which xl rejects.</summary>
    public static readonly DiagnosticDescriptor XmConvertSharedWritableDisk =
        new("XC1127", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "disk access w! (forced shared write) does not exist in xl; it became w");

    /// <summary>XC1128: a script variable that is no xm option was not carried over.</summary>
    public static readonly DiagnosticDescriptor XmConvertScriptVariableDropped =
        new("XC1128", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "a script variable that is no xm option was not carried over");

    /// <summary>XC1129: a value cannot be written in xl syntax (a line feed or NUL in a string, an invalid key).</summary>
    public static readonly DiagnosticDescriptor XmConvertNotRepresentable =
        new("XC1129", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "a value cannot be written in xl syntax");

    /// <summary>XC1130: the deprecated <c>restart</c> key became <c>on_poweroff</c>/<c>on_reboot</c>/<c>on_crash</c>.</summary>
    public static readonly DiagnosticDescriptor XmConvertRestart =
        new("XC1130", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "the deprecated restart key was converted to on_poweroff, on_reboot and on_crash");

    /// <summary>XC1131: a <c>builder</c> value xl has no guest type for.</summary>
    public static readonly DiagnosticDescriptor XmConvertUnknownBuilder =
        new("XC1131", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "a builder value with no xl guest type");

    /// <summary>XC1132: the xm config had errors, so the conversion is incomplete.</summary>
    public static readonly DiagnosticDescriptor XmConvertIncomplete =
        new("XC1132", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "the xm config did not evaluate cleanly; the conversion is incomplete");

    /// <summary>XC1133: an xm disk spec was rewritten for xl's disk syntax (backend field, protocol field).</summary>
    public static readonly DiagnosticDescriptor XmConvertDiskSpec =
        new("XC1133", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "an xm disk spec was rewritten for xl's disk syntax");

    /// <summary>XC1134: <c>type=ioemu</c> was removed from a PV guest's vif (libxl refuses it).</summary>
    public static readonly DiagnosticDescriptor XmConvertVifSpec =
        new("XC1134", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "an xm vif spec was rewritten for xl");

    /// <summary>XC1135: <c>convert --to yaml</c> refused a config whose YAML would not convert back to the same settings.</summary>
    public static readonly DiagnosticDescriptor YamlConvertNotRoundTrip =
        new("XC1135", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "the YAML would not convert back to the same settings");

    private static IEnumerable<DiagnosticDescriptor> XmDescriptors() =>
    [
        XmSyntaxError, XmUnsupportedConstruct, XmUnsupportedConstructNotRun, XmRuntimeError, XmUnknownModule, XmLimitExceeded,
        XmValueDropped, XmHostDependent, XmValueRendered, XmConvertBuilder, XmConvertDroppedKey, XmConvertRenamedKey,
        XmConvertHvmloaderDropped, XmConvertDeviceModelDropped, XmConvertKernelCommandLine, XmConvertDefaultMadeExplicit,
        XmConvertSharedWritableDisk, XmConvertScriptVariableDropped, XmConvertNotRepresentable, XmConvertRestart,
        XmConvertUnknownBuilder, XmConvertIncomplete, XmConvertDiskSpec, XmConvertVifSpec, YamlConvertNotRoundTrip,
    ];
}
