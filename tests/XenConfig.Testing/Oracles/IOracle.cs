namespace XenConfig.Testing;

/// <summary>
/// A reference implementation a differential test compares against (Xen's libxlutil, util-linux libmount, pygrub,
/// Python). Every oracle has the same shape: it says what it is and whether it can run here, and it answers a batch of
/// inputs with one comparable output per input, in order.
/// </summary>
public interface IOracle
{
    /// <summary>What the oracle is and what provides it, e.g. <c>libmount.so.1 (util-linux)</c>.</summary>
    string Name { get; }

    /// <summary>Null when the oracle can run on this machine; otherwise what is missing.</summary>
    string? Missing { get; }
}

/// <summary>An oracle that answers one <typeparamref name="TOutput"/> per <typeparamref name="TInput"/>.</summary>
/// <typeparam name="TInput">One question, e.g. a file's bytes or a device spec.</typeparam>
/// <typeparam name="TOutput">The oracle's answer in a shape our side can be rendered to and compared with.</typeparam>
public interface IOracle<in TInput, out TOutput> : IOracle
{
    /// <summary>Answers every input, in order (one process or one library session for the whole batch).</summary>
    IReadOnlyList<TOutput> Run(IReadOnlyList<TInput> inputs);
}
