using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace XenConfig.Text;

/// <summary>Writes JSON into a string: the one place every format's <c>ToJson</c> goes through.</summary>
internal static class JsonText
{
    /// <summary>
    /// Two-space indents and no escaping of characters JSON itself allows (<c>&lt;</c>, <c>+</c>, non-ASCII letters):
    /// the files people read and check in (xl's <c>-N</c> output, baselines, the VM definition schema).
    /// </summary>
    public static readonly JsonWriterOptions ReadableIndented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What <paramref name="write"/> writes, as a string.</summary>
    public static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// What <paramref name="write"/> writes with <see cref="ReadableIndented"/>, as the text of a file that is checked
    /// in: LF line ends on every system (files are compared byte for byte wherever they are checked in) and a final
    /// line feed.
    /// </summary>
    public static string WriteFile(Action<Utf8JsonWriter> write)
    {
        // JsonWriterOptions.NewLine is .NET 9+; the writer ends lines with Environment.NewLine before that.
        return Write(ReadableIndented, write).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
