using System.Text.Json;

namespace XenConfig.Diagnostics;

/// <summary>Keeps a JSON projection of a large file from piling up in the writer's buffer.</summary>
internal static class JsonStreaming
{
    /// <summary>What a writer may hold before it hands its bytes on (its stream, or its buffer writer).</summary>
    private const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// Hands the pending bytes on once there are many. A <see cref="Utf8JsonWriter"/> over a stream otherwise keeps the
    /// whole document until it is disposed: for a 10 MB config that was a growing copy of tens of megabytes of JSON.
    /// Called after each item of a list that grows with the input (entries, list items, devices, diagnostics).
    /// </summary>
    public static void FlushWhenFull(this Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
        }
    }
}
