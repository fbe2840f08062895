using System.Numerics;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Text;
using XenConfig.Xm.Python;

namespace XenConfig.Xm;

/// <summary>
/// Runs an xm (xend) domain config, a Python 2 script, through a safe evaluator of the constructs real configs use,
/// the way <c>xm create</c> did: a prologue (<c>import sys, os, os.path</c>, <c>xm_file</c>, <c>xm_help</c>,
/// <c>xm_vars</c>), locals seeded with the command-line variables, then the collection of every local of type
/// <c>str</c>, <c>list</c>, <c>int</c> or <c>float</c>. Nothing is ever passed to a real interpreter; anything the
/// evaluator does not support is a diagnostic with a position.
/// </summary>
public static class XmConfig
{
    /// <summary>Larger inputs are refused with a diagnostic.</summary>
    public const int MaxTextLength = 16 * 1024 * 1024;

    private const int MaxValueDepth = 100;

    private static readonly HashSet<string> PrologueNames = ["xm_file", "xm_help", "NBE_BRIDGE"];

    /// <summary>Evaluates <paramref name="text"/>. Never throws for any input text.</summary>
    /// <exception cref="ArgumentException"><see cref="XmEvaluationOptions.Uname"/> does not have five items.</exception>
    public static XmEvaluation Evaluate(SourceText text, XmEvaluationOptions? options = null)
    {
        PyModule? parsed = null;
        return Evaluate(text, options, ref parsed);
    }

    // Evaluates a module the caller has already parsed from text (dialect detection parses it first). The module is
    // taken from the caller (its variable is cleared): the syntax tree is tens of bytes per byte of the script, and the
    // evaluator lets it go before it collects the settings.
    internal static XmEvaluation Evaluate(SourceText text, XmEvaluationOptions? options, ref PyModule? parsed)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= XmEvaluationOptions.Default;
        if (options.Uname is not { Count: 5 })
        {
            throw new ArgumentException("Uname must hold exactly five strings (sysname, nodename, release, version, machine).", nameof(options));
        }

        var evaluator = new Evaluator(text, options, parsed);
        parsed = null;
        return evaluator.Run();
    }

    /// <summary>Evaluates <paramref name="text"/> read from <paramref name="path"/> (used in diagnostics and as <c>xm_file</c>).</summary>
    public static XmEvaluation Evaluate(string text, string? path = null, XmEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Evaluate(SourceText.From(text, path), options);
    }

    /// <summary>Reads and evaluates a file.</summary>
    public static XmEvaluation Load(string path, XmEvaluationOptions? options = null) => Evaluate(SourceText.Load(path), options);

    /// <summary>True when <paramref name="text"/> is valid Python 2 as far as the evaluator's grammar goes.</summary>
    internal static bool IsPython(string text) => ParsePython(text) is not null;

    /// <summary>The checked module (see <see cref="Check"/>) when <paramref name="text"/> is valid Python 2 of the evaluator's grammar, else null.</summary>
    internal static PyModule? ParsePython(string text) =>
        text.Length <= MaxTextLength && !text.StartsWith('<') && Check(text) is { Errors.Count: 0 } module ? module : null;

    // Python compiles the whole file before it runs any of it, so the whole script is parsed before it runs. A script of
    // many statements (10 MB of assignments: a tree of about 100 MB) keeps no tree: each top-level statement is dropped
    // once parsed (its unsupported statements noted), and the run parses the script again, one top-level statement at a
    // time. A script of few statements keeps its tree and is parsed once (parsing a 10 MB list twice would leave the
    // first tree in the oldest generation beside the second: measured 338 -> 362-387 MB).
    private static PyModule Check(string text)
    {
        const int MaxKeptStatements = 1024;
        // The unsupported statements are listed only once the tree is dropped (the run lists those of a kept tree itself);
        // each list is in source order, so the statements' lists follow one another.
        List<PyStmt>? kept = [];
        List<UnsupportedStmt>? unsupported = null;
        var chunkStarts = new List<int>();
        var module = PyParser.Parse(text, statement =>
        {
            if (statement.Start - (chunkStarts.Count > 0 ? chunkStarts[^1] : 0) >= PyParser.RunChunkLength && text[statement.Start - 1] == '\n')
            {
                chunkStarts.Add(statement.Start);
            }

            if (kept is null)
            {
                unsupported!.AddRange(Evaluator.Unsupported([statement]));
            }
            else if (kept.Count < MaxKeptStatements)
            {
                kept.Add(statement);
            }
            else
            {
                unsupported = Evaluator.Unsupported([.. kept, statement]);
                kept = null;
            }

            return true;
        });
        return kept is not null
            ? module with { Body = kept }
            : module with { Body = unsupported!, ParseAgainToRun = true, RunChunkStarts = chunkStarts };
    }

    private sealed class Evaluator(SourceText text, XmEvaluationOptions options, PyModule? parsed)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        // Made at its size once the run is over: one entry per local the script left.
        private XmSettingsTable _settings = new(0);

        private Diagnostic Report(DiagnosticDescriptor descriptor, int start, int end, string message)
        {
            start = Math.Clamp(start, 0, text.Length);
            end = Math.Clamp(end, start, text.Length);
            var diagnostic = descriptor.Create(text.GetLocation(TextSpan.FromBounds(start, end)), message);
            _diagnostics.Add(diagnostic);
            return diagnostic;
        }

        public XmEvaluation Run()
        {
            var output = new List<string>();
            var declared = new List<string>();
            if (!CheckScript())
            {
                return Result(declared, output);
            }

            var interpreter = Execute();

            // Nor the script's string: locations come from the bytes of an ASCII text, and the text lives as long as the
            // evaluation (20 MB for a 10 MB script, through the settings, the conversion and the output).
            text.ReleaseDecodedContent();

            foreach (var (node, message) in interpreter.HostWarnings)
            {
                Report(DiagnosticIds.XmHostDependent, node.Start, node.End, message);
            }

            declared.AddRange(interpreter.XmVars.Declared.Select(d => d.Name));
            output.AddRange(interpreter.Output);
            try
            {
                Collect(interpreter);
            }
            catch (InsufficientExecutionStackException)
            {
                Report(DiagnosticIds.XmLimitExceeded, 0, 0, "values nested too deeply for the evaluator");
            }

            return Result(declared, output);
        }

        // Parses the script (unless the caller did) into parsed and reports what stops it from running; true when it can
        // run. The script's string and the module are read here and in Execute, never in Run: a frame keeps what it read
        // reachable until it returns (as temporaries the runtime reports for the whole method, whatever its variables
        // hold), and Run lives on while the settings are collected.
        private bool CheckScript()
        {
            if (text.Length > MaxTextLength)
            {
                Report(DiagnosticIds.XmLimitExceeded, 0, 0, $"the file is larger than {MaxTextLength} characters");
                return false;
            }

            if (text.Content.StartsWith('<'))
            {
                Report(DiagnosticIds.XmUnsupportedConstruct, 0, 1, "xm reads a file starting with '<' as a Xen-API XML config, not Python; XML configs are not supported");
                return false;
            }

            var module = parsed ??= Check(text.Content);
            if (!module.ParseAgainToRun || text.TryGetAscii(out _))
            {
                // A kept tree is all the run reads: the script's string (20 MB for a 10 MB script, beside its bytes) need
                // not live while the values are built. An ASCII script parsed again to run is read from its bytes a
                // piece at a time; any other is read from its string as it runs.
                text.ReleaseDecodedContent();
            }

            foreach (var warning in module.Warnings)
            {
                Report(DiagnosticIds.XmValueDropped, warning.Start, warning.End, warning.Message);
            }

            const int MaxReportedSyntaxErrors = 10;
            if (module.Errors.Count > MaxReportedSyntaxErrors)
            {
                var first = module.Errors[MaxReportedSyntaxErrors];
                Report(DiagnosticIds.XmSyntaxError, first.Start, first.End, $"{module.Errors.Count - MaxReportedSyntaxErrors} more syntax errors; only the first {MaxReportedSyntaxErrors} are reported");
            }

            foreach (var error in module.Errors.Take(MaxReportedSyntaxErrors))
            {
                Report(error.IsLimit ? DiagnosticIds.XmLimitExceeded : DiagnosticIds.XmSyntaxError, error.Start, error.End,
                    error.IsLimit ? error.Message : error.Message + "; python would refuse the whole file");
            }

            return module.Errors.Count == 0;
        }

        // Runs the checked module, taken from parsed, and reports the unsupported statements it did not reach; the tree
        // goes when this returns, before the settings are made (nothing after reads it: assignments are kept as spans).
        private PyInterpreter Execute()
        {
            var module = parsed!;
            parsed = null;
            var interpreter = new PyInterpreter(options with { FileName = options.FileName ?? text.Path ?? "" });
            foreach (var (name, value) in options.Variables)
            {
                interpreter.ModuleLocals.Set(name, value);
            }

            var origin = new PassStmt(0, 0);
            PyOps.StartBudget(options.MaxBuiltSize, options.MaxWork);
            try
            {
                interpreter.RunPrologue(interpreter.ModuleScope, origin);
                if (module.ParseAgainToRun && text.TryGetAscii(out var ascii))
                {
                    RunInPieces(interpreter, ascii, module.RunChunkStarts);
                }
                else if (module.ParseAgainToRun)
                {
                    PyParser.Parse(text.Content, statement => interpreter.ExecuteTopLevel(statement, interpreter.ModuleScope));
                }
                else
                {
                    foreach (var statement in module.Body)
                    {
                        if (!interpreter.ExecuteTopLevel(statement, interpreter.ModuleScope))
                        {
                            break;
                        }
                    }
                }
            }
            catch (PyException ex)
            {
                var node = ex.Node ?? origin;
                var descriptor = ex.TypeName == "ImportError" ? DiagnosticIds.XmUnknownModule : DiagnosticIds.XmRuntimeError;
                var message = ex.TypeName == "ImportError"
                    ? $"ImportError: {ex.Message}; the evaluator provides os, os.path, re, string, socket and sys"
                    : $"{ex.TypeName}: {ex.Message}; xm create stops here";
                Report(descriptor, node.Start, node.End, message);
            }
            catch (PyUnsupportedException ex)
            {
                var node = ex.Node ?? origin;
                Report(ex.IsLimit ? DiagnosticIds.XmLimitExceeded : DiagnosticIds.XmUnsupportedConstruct, node.Start, node.End, ex.Message);
            }
            catch (InsufficientExecutionStackException)
            {
                Report(DiagnosticIds.XmLimitExceeded, 0, 0, "values or calls nested too deeply for the evaluator");
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or InvalidCastException or IndexOutOfRangeException or OverflowException or FormatException)
            {
                // A defect of the evaluator must not escape to the caller; report it where the run stopped.
                Report(DiagnosticIds.XmUnsupportedConstruct, 0, 0, $"the evaluator failed internally ({ex.GetType().Name}: {ex.Message}); please report this input");
            }
            finally
            {
                PyOps.EndBudget();
            }

            // Statements parsed again to run are other objects than the ones checked, so the ones reached are told by position.
            var reached = interpreter.ReachedUnsupported.Select(u => (u.Start, u.End)).ToHashSet();
            var inModule = module.ParseAgainToRun ? module.Body.Cast<UnsupportedStmt>() : Unsupported(module.Body);
            foreach (var unsupported in inModule.Where(u => !reached.Contains((u.Start, u.End))))
            {
                Report(DiagnosticIds.XmUnsupportedConstructNotRun, unsupported.Start, unsupported.End,
                    $"{unsupported.Construct} is not supported by the evaluator; it is in code that did not run");
            }

            return interpreter;
        }

        // The script's string is twice its ASCII bytes (20 MB for a 10 MB script) and lived through the whole run beside the
        // interpreter's values; each piece (cut where a top-level statement begins a line) is decoded and parsed alone.
        private static void RunInPieces(PyInterpreter interpreter, ReadOnlyMemory<byte> ascii, IReadOnlyList<int> starts)
        {
            var running = true;
            for (var piece = 0; piece <= starts.Count && running; piece++)
            {
                var start = piece == 0 ? 0 : starts[piece - 1];
                var end = piece == starts.Count ? ascii.Length : starts[piece];
                var text = System.Text.Encoding.Latin1.GetString(ascii.Span[start..end]);
                PyParser.Parse(text, start, statement => running = interpreter.ExecuteTopLevel(statement, interpreter.ModuleScope));
            }
        }

        private XmEvaluation Result(List<string> declared, List<string> output) =>
            new(text, options, _settings, _diagnostics, declared, output);

        internal static List<UnsupportedStmt> Unsupported(IReadOnlyList<PyStmt> body)
        {
            var found = new List<UnsupportedStmt>();
            var stack = new Stack<IReadOnlyList<PyStmt>>();
            stack.Push(body);
            while (stack.Count > 0)
            {
                foreach (var statement in stack.Pop())
                {
                    switch (statement)
                    {
                        case UnsupportedStmt unsupported:
                            found.Add(unsupported);
                            break;
                        case IfStmt ifStmt:
                            foreach (var (_, branch) in ifStmt.Branches)
                            {
                                stack.Push(branch);
                            }

                            if (ifStmt.Else is not null)
                            {
                                stack.Push(ifStmt.Else);
                            }

                            break;
                        case ForStmt forStmt:
                            stack.Push(forStmt.Body);
                            if (forStmt.Else is not null)
                            {
                                stack.Push(forStmt.Else);
                            }

                            break;
                        case DefStmt def:
                            stack.Push(def.Body);
                            break;
                        case TryStmt tryStmt:
                            stack.Push(tryStmt.Body);
                            foreach (var handler in tryStmt.Handlers)
                            {
                                stack.Push(handler.Body);
                            }

                            if (tryStmt.Else is not null)
                            {
                                stack.Push(tryStmt.Else);
                            }

                            if (tryStmt.Finally is not null)
                            {
                                stack.Push(tryStmt.Finally);
                            }

                            break;
                    }
                }
            }

            return found.OrderBy(u => u.Start).ToList();
        }

        private void Collect(PyInterpreter interpreter)
        {
            _settings = new XmSettingsTable(interpreter.ModuleLocals.Count + options.Variables.Count);
            foreach (var (key, value) in interpreter.ModuleLocals.Items)
            {
                if (key is not string name)
                {
                    continue;
                }

                var assigned = interpreter.Assignments.TryGetValue(name, out var span);
                (int Start, int End)? node = assigned ? span : null;
                if (PrologueNames.Contains(name) && !assigned)
                {
                    continue;
                }

                TextSpan? place = assigned ? TextSpan.FromBounds(span.Start, span.End) : null;
                var setting = (SettingValue?)null;
                switch (value)
                {
                    case string or long or double or PyList:
                        _total += _expanded;
                        _expanded = 0;
                        setting = ToSetting(value, name, node, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
                        if (setting is null)
                        {
                            Report(DiagnosticIds.XmLimitExceeded, node?.Start ?? 0, node?.End ?? 0,
                                _expanded > options.MaxExpandedSize
                                    ? $"{name} expands to more than {options.MaxExpandedSize} values (a list that contains itself, again and again); it is dropped"
                                    : $"the options expand to more than {16L * options.MaxExpandedSize} values together; {name} is dropped");
                        }

                        break;
                    case bool or BigInteger or PyTuple or PyDict or PyNone or PyUnicode when assigned && !options.Variables.ContainsKey(name):
                        Report(DiagnosticIds.XmValueDropped, span.Start, span.End,
                            $"{name} = {Truncate(BoundedRepr(value))} is a {PyOps.TypeName(value)}; xend ignored it (only str, list, int and float become options)" +
                            (value is bool ? $"; write {name} = {((bool)value ? 1 : 0)}" : value is BigInteger ? "; drop the L suffix" : ""));
                        break;
                }

                if (setting is not null)
                {
                    _settings.Set(name, setting, place);
                }
                else if (place is { } dropped)
                {
                    _settings.SetPlaceOfOther(name, dropped);
                }
            }

            foreach (var (name, value) in options.Variables)
            {
                _settings.Set(name, SettingValue.String(value), place: null);
            }
        }

        private static string Truncate(string text) => text.Length > 60 ? text[..57] + "..." : text;

        // repr() of a value that may be huge (a tuple that holds itself twice, thirty times over): past the
        // evaluator's string limit it is shown as "...".
        private static string BoundedRepr(object value, int maxLength = 1_000)
        {
            try
            {
                return PyOps.Repr(value, maxLength);
            }
            catch (PyUnsupportedException)
            {
                return value is PyTuple ? "(...)" : value is PyDict ? "{...}" : "...";
            }
        }

        // Each option may expand to options.MaxExpandedSize values, all of them together to 16 times that; null past it.
        private long _expanded;
        private long _total;

        private SettingValue? ToSetting(object value, string name, (int Start, int End)? node, int depth, HashSet<object> active)
        {
            if (++_expanded > options.MaxExpandedSize || _total + _expanded > 16L * options.MaxExpandedSize)
            {
                return null;
            }

            switch (value)
            {
                case string s:
                    return SettingValue.String(s);
                case long l:
                    return SettingValue.Number(l);
                case double d:
                    return SettingValue.String(PyOps.FloatStr(d));
                case PyList or PyTuple when depth < MaxValueDepth && active.Add(value):
                {
                    var items = value is PyList list ? list.Items.ToArray() : ((PyTuple)value).Items;
                    var converted = new List<SettingValue>(items.Length);
                    foreach (var item in items)
                    {
                        if (ToSetting(item, name, node, depth + 1, active) is not { } setting)
                        {
                            return null;
                        }

                        converted.Add(setting);
                    }

                    active.Remove(value);
                    return SettingValue.List(converted);
                }

                case BigInteger big when big >= long.MinValue && big <= long.MaxValue:
                    return SettingValue.Number((long)big);
                default:
                    var textValue = value is PyList or PyTuple ? "[...]" : value is PyDict ? BoundedRepr(value, PyOps.MaxStringLength) : PyOps.Str(value);
                    Report(DiagnosticIds.XmValueRendered, node?.Start ?? 0, node?.End ?? 0,
                        $"an item of {name} is a {PyOps.TypeName(value)} ({Truncate(BoundedRepr(value))}); its text '{Truncate(textValue)}' was used");
                    return SettingValue.String(textValue);
            }
        }
    }
}
