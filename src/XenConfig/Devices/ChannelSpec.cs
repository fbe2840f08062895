using System.Diagnostics.CodeAnalysis;

namespace XenConfig.Devices;

/// <summary>
/// One channel spec (an item of <c>channel = [ ... ]</c>), read as xl does: comma-separated pieces, each split at
/// <c>=</c> into a key and a value that are trimmed of whitespace (so neither can contain <c>=</c>); keys
/// <c>backend</c>, <c>name</c>, <c>path</c>, <c>connection</c> (<c>pty</c> or <c>socket</c>, required; <c>socket</c>
/// requires <c>path</c>). Unknown keys are only warned about by xl (kept in <see cref="UnknownKeys"/>).
/// </summary>
public sealed class ChannelSpec
{
    // C isspace() in the C locale
    private static readonly char[] CSpace = [' ', '\t', '\n', '\v', '\f', '\r'];

    private ChannelSpec(string text, ChannelConnection connection, string? name, string? path, string? backend, IReadOnlyList<string> unknownKeys)
    {
        Text = text;
        Connection = connection;
        Name = name;
        Path = path;
        Backend = backend;
        UnknownKeys = unknownKeys;
    }

    /// <summary>The spec exactly as written.</summary>
    public string Text { get; }

    /// <summary><c>connection=</c>.</summary>
    public ChannelConnection Connection { get; }

    /// <summary><c>name=</c>: the channel name the guest sees (e.g. <c>org.qemu.guest_agent.0</c>), or null.</summary>
    public string? Name { get; }

    /// <summary><c>path=</c>: the socket path (required for <c>socket</c>), or null.</summary>
    public string? Path { get; }

    /// <summary><c>backend=</c>: the backend domain, or null for dom0.</summary>
    public string? Backend { get; }

    /// <summary>Keys xl does not know ("unknown channel parameter ..., ignoring").</summary>
    public IReadOnlyList<string> UnknownKeys { get; }

    /// <summary>Parses a channel spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The parsed spec.</returns>
    /// <exception cref="DeviceSpecFormatException">xl rejects the spec.</exception>
    public static ChannelSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryParse(spec, out var channel, out var error) ? channel : throw new DeviceSpecFormatException(spec, error);
    }

    /// <summary>Parses a channel spec without throwing.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="channel">The parsed spec, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the spec.</returns>
    public static bool TryParse(string spec, [NotNullWhen(true)] out ChannelSpec? channel, [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        channel = null;
        ChannelConnection? connection = null;
        string? name = null, path = null, backend = null;
        var unknown = new List<string>();
        foreach (var raw in DeviceGrammar.SplitCommas(spec))
        {
            var piece = raw.SkipSpaces();

            // split_string_into_pair(piece, "="): the first two strtok tokens of the piece
            var tokens = piece.Text.Split('=', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 2)
            {
                error = new DeviceSpecError("failed to parse channel configuration", piece.Start, piece.Text.Length);
                return false;
            }

            var key = tokens[0].Trim(CSpace);
            var value = tokens[1].Trim(CSpace);
            switch (key)
            {
                case "backend":
                    backend = value;
                    break;
                case "name":
                    name = value;
                    break;
                case "path":
                    path = value;
                    break;
                case "connection":
                    connection = value switch
                    {
                        "pty" => ChannelConnection.Pty,
                        "socket" => ChannelConnection.Socket,
                        _ => null,
                    };
                    if (connection is null)
                    {
                        error = new DeviceSpecError("unknown channel connection", piece.Start, piece.Text.Length);
                        return false;
                    }

                    break;
                default:
                    unknown.Add(key);
                    break;
            }
        }

        if (connection is null)
        {
            error = new DeviceSpecError("channel has unknown 'connection'", 0, spec.Length);
            return false;
        }

        if (connection == ChannelConnection.Socket && path is null)
        {
            error = new DeviceSpecError("channel connection 'socket' requires path=..", 0, spec.Length);
            return false;
        }

        channel = new ChannelSpec(spec, connection.Value, name, path, backend, unknown);
        error = null;
        return true;
    }

    /// <summary>The spec exactly as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
