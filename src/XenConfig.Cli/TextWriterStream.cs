using System.Text;

namespace XenConfig.Cli;

/// <summary>
/// A write-only stream of UTF-8 that goes on to a <see cref="TextWriter"/> as it comes, so a JSON writer can print
/// straight to the command's output (a real console or a test's <see cref="StringWriter"/>) without keeping the
/// whole document in memory first.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    // A UTF-8 sequence may be split across two writes: the decoder keeps the first half until the rest arrives.
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private char[] _chars = new char[16 * 1024];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[needed];
        }

        var written = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, written);
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
