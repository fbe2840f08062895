using System.Text;
using XenConfig.Text;

namespace XenConfig.Xm;

/// <summary>
/// The converted xl text, gathered piece by piece and joined once. While every piece is ASCII (what xl statements of
/// xm values nearly always are) the pieces and the joined text are bytes, one per character: half of a string's memory
/// for a 10 MB disk list, and no second copy of the pieces as a string. The first piece that is not ASCII turns the
/// pieces gathered so far back into strings, and the text is then a string, as before.
/// </summary>
internal sealed class XlTextPieces
{
    private readonly List<byte[]> _ascii = [];
    private List<string>? _strings;
    private long _length;

    /// <summary>Characters gathered so far.</summary>
    public long Length => _length;

    public void Add(string piece)
    {
        _length += piece.Length;
        if (_strings is null && Ascii.IsValid(piece))
        {
            _ascii.Add(Encoding.ASCII.GetBytes(piece));
            return;
        }

        if (_strings is null)
        {
            _strings = new List<string>(_ascii.Count + 1);
            foreach (var bytes in _ascii)
            {
                _strings.Add(Encoding.ASCII.GetString(bytes));
            }

            _ascii.Clear();
        }

        _strings.Add(piece);
    }

    /// <summary>The pieces joined, as a string (for an edit through the typed model).</summary>
    public override string ToString() => _strings is null
        ? string.Create(checked((int)_length), _ascii, static (chars, pieces) =>
        {
            foreach (var piece in pieces)
            {
                Encoding.ASCII.GetChars(piece, chars);
                chars = chars[piece.Length..];
            }
        })
        : string.Concat(_strings.ToArray());

    /// <summary>The pieces joined into the text of a file at <paramref name="path"/>; the pieces are let go.</summary>
    public SourceText ToSourceText(string? path)
    {
        if (_strings is not null)
        {
            var text = string.Concat(_strings.ToArray());
            _strings = null;
            _length = 0;
            return SourceText.From(text, path);
        }

        var joined = GC.AllocateUninitializedArray<byte>(checked((int)_length));
        var at = 0;
        foreach (var piece in _ascii)
        {
            piece.CopyTo(joined, at);
            at += piece.Length;
        }

        _ascii.Clear();
        _length = 0;
        return SourceText.FromGeneratedAscii(joined, path);
    }

    public void Clear()
    {
        _ascii.Clear();
        _strings = null;
        _length = 0;
    }
}
