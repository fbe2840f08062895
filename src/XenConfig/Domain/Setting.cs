using XenConfig.Domain.Syntax;

namespace XenConfig.Domain;

/// <summary>
/// The effective value of one key, as libxlu computes it: the last assignment wins, and <c>+=</c> appends to the
/// value before it.
/// </summary>
/// <remarks>Settings are made by parsing (<see cref="DomainConfigDocument.Settings"/>), never by hand.</remarks>
public sealed record Setting
{
    internal Setting(string name, SettingValue value, IReadOnlyList<AssignmentSyntax> assignments)
    {
        Name = name;
        Value = value;
        Assignments = assignments;
    }

    /// <summary>The key.</summary>
    public string Name { get; }

    /// <summary>The effective value.</summary>
    public SettingValue Value { get; }

    /// <summary>Every assignment of the key, in file order; the last one decides.</summary>
    public IReadOnlyList<AssignmentSyntax> Assignments { get; }

    /// <summary>
    /// True when the value was produced by <c>+=</c>. xl refuses to read such a setting as a number
    /// ("can't use += with numbers"), even when <c>+=</c> was the first assignment.
    /// </summary>
    public bool IsFromAddition => Assignments[^1].IsAddition;

    /// <summary>The assignment that decides the value.</summary>
    public AssignmentSyntax LastAssignment => Assignments[^1];

    /// <summary>Reads the value as xl reads a number; false for lists, non-numbers and values built with <c>+=</c>.</summary>
    public bool TryGetNumber(out long value)
    {
        value = 0;
        return !IsFromAddition && Value.TryGetNumber(out value);
    }
}
