namespace XenConfig.Xm;

/// <summary>How to run an xm config: the command-line variables and what the host answers.</summary>
public sealed record XmEvaluationOptions
{
    /// <summary>No variables, a Linux x86_64 host, no paths known to exist.</summary>
    public static XmEvaluationOptions Default { get; } = new();

    /// <summary>
    /// Variables given on the command line, as <c>xm create FILE vmid=3</c> (or <c>xenconfig convert --set vmid=3</c>)
    /// gave them: their values are strings, they are visible to the script from the start, and they win over any value
    /// the script assigns to the same name.
    /// </summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>
    /// What <c>os.uname()</c> returns: sysname, nodename, release, version, machine (exactly five items).
    /// </summary>
    public IReadOnlyList<string> Uname { get; init; } = ["Linux", "localhost", "3.16.0-4-amd64", "#1 SMP Debian 3.16.7", "x86_64"];

    /// <summary>
    /// The paths for which <c>os.path.exists</c> (and <c>isfile</c>, <c>isdir</c>, <c>islink</c>) answer true. When null,
    /// every such test answers false and reports a warning, because the answer depended on the host that ran xm.
    /// </summary>
    public IReadOnlySet<string>? ExistingPaths { get; init; }

    /// <summary>The value of <c>xm_file</c>; when null, the path of the source text (or an empty string).</summary>
    public string? FileName { get; init; }

    /// <summary>
    /// The most statements, expressions and calls the script may run (the step budget); past it the evaluation
    /// stops with XC1106. The default, 5,000,000, is thousands of times what a real config needs.
    /// </summary>
    public long MaxSteps { get; init; } = 5_000_000;

    /// <summary>
    /// The most characters and items the script may copy in total when it concatenates or repeats strings, lists and
    /// tuples (<c>x = x + x</c>); past it the evaluation stops with XC1106. Default 64 Mi.
    /// </summary>
    public long MaxBuiltSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The most characters and items the script may read, compare or build in total in operations over whole values:
    /// comparisons and <c>in</c> tests, <c>%</c> formatting, slices, <c>repr</c>, and calls of builtins and methods
    /// (counted by the size of their receiver, arguments and result); past it the evaluation stops with XC1106. It
    /// bounds what the step budget cannot (a loop of <c>s.count(x)</c> over a long string, an equality test of two
    /// lists that hold the same list twice, forty times over) by an amount of work rather than a time, so a config
    /// gives the same result on every machine. Default 64 Mi.
    /// </summary>
    public long MaxWork { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The most values (strings, numbers and lists, each counted once per place it appears) the options of the
    /// script may expand to. A list that contains the same list twice, again and again (<c>x = [x, x]</c>), is small
    /// in Python and exponential as a config; past this size the value is dropped with XC1106. Default 65,536.
    /// </summary>
    public int MaxExpandedSize { get; init; } = 65_536;
}
