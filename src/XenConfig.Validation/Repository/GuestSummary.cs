using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using XenConfig.Devices;
using XenConfig.Domain.Model;
using XenConfig.Files;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>
/// What the repository-wide checks read of one guest: its name, UUID, vif MACs and disk targets, each with where it is
/// written, and the path of the config they are all in. Repository validation keeps one per guest and lets the guest's
/// documents go, so the memory of a run grows with these indexes and not with the text of 100,000 guests; and since it
/// grows with these, they are one array of bytes per guest and nothing else (a value, no object of its own): strings in
/// Latin-1 when every character fits (else their UTF-16 bytes), numbers and positions as variable-length integers (a
/// position takes 4-8 bytes instead of 16), the UUID's 16 bytes and its text only when it is not the canonical form, a
/// MAC's 6 bytes. About 150 bytes for a typical guest, where the objects of a summary took about 470. Everything is
/// read back from the bytes when asked: a string or <see cref="SourceLocation"/> is made for a finding, or for the name
/// of a guest whose name is compared, never kept.
/// </summary>
/// <remarks>
/// The bytes, in order: the files read; the path; a byte of flags (name, UUID, UUID text); the name and its place; the
/// UUID, its place and its text; the MACs (a count, then each MAC and place); the disks (a count, then each target's
/// flags, its bytes and place). A string is its length and width (or null) and its bytes; see <see cref="GuestSummaryWriter"/>.
/// A list of <see cref="IndexedFrom"/> or more MACs or disks has, after its count, the offsets of its items and of its
/// end (4 bytes each), so that an item is found without reading the ones before it: the repository checks ask for
/// items by number, and a 10 MB config of 30,000 vifs took a quadratic 40 s to validate when each was found by reading
/// its predecessors.
/// </remarks>
internal readonly struct GuestSummary
{
    private const byte HasName = 1;
    private const byte HasUuid = 2;
    private const byte HasUuidText = 4;
    private const byte DiskIsWide = 1;
    private const byte DiskIsWritable = 2;

    /// <summary>The item count from which a list of MACs or disks is written with its items' offsets.</summary>
    internal const int IndexedFrom = 8;

    private readonly byte[] _bytes;

    private GuestSummary(byte[] bytes) => _bytes = bytes;

    /// <summary>How many bytes the summary keeps (its one array's length).</summary>
    public int ByteCount => _bytes.Length;

    /// <summary>The domain config: the file every position of the summary is in.</summary>
    public string? Path
    {
        get
        {
            var reader = new Reader(_bytes);
            reader.Varint();
            return reader.String();
        }
    }

    /// <summary>How many files checking this guest read (its config, fstab and menu that could be read).</summary>
    public int FilesRead => new Reader(_bytes).Varint();

    /// <summary>The domain name, or null when unset (then it takes no part in the name check).</summary>
    public string? Name => AtName(out var reader) ? reader.String() : null;

    /// <summary>Where the name is written.</summary>
    public Place NamePlace
    {
        get
        {
            if (!AtName(out var reader))
            {
                return default;
            }

            reader.Skip(reader.StringLength());
            return reader.Place();
        }
    }

    /// <summary>The domain UUID, or null when unset or not a UUID.</summary>
    public Guid? Uuid => AtUuid(out var reader, out _) ? new Guid(reader.Bytes(16)) : null;

    /// <summary>The UUID as written.</summary>
    public string? UuidText
    {
        get
        {
            if (!AtUuid(out var reader, out var flags))
            {
                return null;
            }

            var uuid = new Guid(reader.Bytes(16));
            reader.Place();
            return (flags & HasUuidText) != 0 ? reader.String() : uuid.ToString("D");
        }
    }

    /// <summary>Where the UUID is written.</summary>
    public Place UuidPlace
    {
        get
        {
            if (!AtUuid(out var reader, out _))
            {
                return default;
            }

            reader.Skip(16);
            return reader.Place();
        }
    }

    /// <summary>How many vifs set a MAC.</summary>
    public int MacCount => AtMacs().Varint();

    /// <summary>The MAC of the <paramref name="index"/>th vif that sets one, and where it is written.</summary>
    public (MacAddress Mac, Place Place) Mac(int index)
    {
        var reader = AtMacs();
        var count = reader.Varint();
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
        if (count >= IndexedFrom)
        {
            reader.SeekToItem(index);
        }
        else
        {
            for (var skipped = 0; skipped < index; skipped++)
            {
                reader.Skip(6);
                reader.Place();
            }
        }

        var mac = new MacAddress(reader.Bytes(6));
        return (mac, reader.Place());
    }

    /// <summary>The MACs of the vifs that set one, in order (made when asked).</summary>
    public (MacAddress Mac, Place Place)[] Macs
    {
        get
        {
            var macs = new (MacAddress, Place)[MacCount];
            for (var index = 0; index < macs.Length; index++)
            {
                macs[index] = Mac(index);
            }

            return macs;
        }
    }

    /// <summary>How many disks have their targets compared (no CD-ROMs, no empty targets).</summary>
    public int DiskCount => AtDisks().Varint();

    /// <summary>The <paramref name="index"/>th compared disk, in order; <see cref="Target"/> reads its target.</summary>
    public DiskMapping Disk(int index)
    {
        var reader = AtDisk(index, out var flags, out var length);
        var start = reader.Position;
        reader.Skip(length);
        return new DiskMapping(start, length, (flags & DiskIsWide) != 0, (flags & DiskIsWritable) != 0, reader.Place());
    }

    /// <summary>The disks whose targets are compared, in order (made when asked).</summary>
    public DiskMapping[] Disks
    {
        get
        {
            var disks = new DiskMapping[DiskCount];
            for (var index = 0; index < disks.Length; index++)
            {
                disks[index] = Disk(index);
            }

            return disks;
        }
    }

    /// <summary>The normalised target of the <paramref name="disk"/>th compared disk.</summary>
    public string Target(int disk)
    {
        var bytes = TargetBytes(disk, out var isWide);
        return isWide ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>True when the two disks map one target (as <see cref="Target"/> compares ordinally).</summary>
    public bool SameTarget(int disk, GuestSummary other, int otherDisk)
    {
        var mine = TargetBytes(disk, out var mineIsWide);
        var theirs = other.TargetBytes(otherDisk, out var theirsIsWide);
        // A wide target has a character beyond Latin-1, so it never equals a Latin-1 one.
        return mineIsWide == theirsIsWide && mine.SequenceEqual(theirs);
    }

    /// <summary>A hash of the target of the <paramref name="disk"/>th compared disk that agrees with <see cref="SameTarget"/>.</summary>
    public int TargetHash(int disk)
    {
        var bytes = TargetBytes(disk, out var isWide);
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        hash.Add(isWide);
        return hash.ToHashCode();
    }

    /// <summary>True when both guests have a name and it is the same (ordinally), read from the bytes.</summary>
    public bool SameName(GuestSummary other) =>
        AtName(out var mine) && other.AtName(out var theirs) && mine.StringBytes(out var mineIsWide).SequenceEqual(theirs.StringBytes(out var theirsIsWide)) && mineIsWide == theirsIsWide;

    /// <summary>A hash of the name that agrees with <see cref="SameName"/>; 0 without a name.</summary>
    public int NameHash()
    {
        if (!AtName(out var reader))
        {
            return 0;
        }

        var hash = default(HashCode);
        hash.AddBytes(reader.StringBytes(out var isWide));
        hash.Add(isWide);
        return hash.ToHashCode();
    }

    /// <summary>Whether the guest has a name (one that takes part in the name check).</summary>
    public bool IsNamed => AtName(out _);

    /// <summary>Where the name is written, as a finding reports it.</summary>
    public SourceLocation NameLocation => At(NamePlace);

    /// <summary>Where the UUID is written, as a finding reports it.</summary>
    public SourceLocation UuidLocation => At(UuidPlace);

    /// <summary>The location a finding at <paramref name="place"/> of this guest reports.</summary>
    public SourceLocation At(Place place) => new(Path, place.Span, place.Start);

    /// <summary>Compares two guests' config paths as <see cref="RepositoryScanner.CompareGuests(string, string)"/> does, without making their strings.</summary>
    public static int ComparePaths(GuestSummary left, GuestSummary right)
    {
        var leftReader = new Reader(left._bytes);
        leftReader.Varint();
        var rightReader = new Reader(right._bytes);
        rightReader.Varint();
        var leftBytes = leftReader.StringBytes(out var leftIsWide);
        var rightBytes = rightReader.StringBytes(out var rightIsWide);
        const int OnStack = 256;
        var leftChars = leftBytes.Length <= OnStack ? stackalloc char[leftIsWide ? leftBytes.Length / 2 : leftBytes.Length] : new char[leftIsWide ? leftBytes.Length / 2 : leftBytes.Length];
        var rightChars = rightBytes.Length <= OnStack ? stackalloc char[rightIsWide ? rightBytes.Length / 2 : rightBytes.Length] : new char[rightIsWide ? rightBytes.Length / 2 : rightBytes.Length];
        Decode(leftBytes, leftIsWide, leftChars);
        Decode(rightBytes, rightIsWide, rightChars);
        return RepositoryScanner.CompareGuests(leftChars, rightChars);
    }

    private static void Decode(ReadOnlySpan<byte> bytes, bool isWide, Span<char> chars)
    {
        if (isWide)
        {
            MemoryMarshal.Cast<byte, char>(bytes).CopyTo(chars);
        }
        else
        {
            Encoding.Latin1.GetChars(bytes, chars);
        }
    }

    public static GuestSummary Of(DomainConfig config) => Of(config, relocate: null, filesRead: 0);

    /// <summary>The summary of a guest whose config could not be read or has errors: it takes part in no check.</summary>
    public static GuestSummary Unread(string path, int filesRead = 0)
    {
        var writer = new GuestSummaryWriter();
        writer.Varint(filesRead);
        writer.String(path);
        writer.Byte(0);
        writer.Varint(0);
        writer.Varint(0);
        return new GuestSummary(writer.ToArray());
    }

    /// <summary>
    /// The summary with every spot moved by <paramref name="relocate"/> first: an xm config's spots at the script's lines,
    /// so that a repository finding names them, in its location and in its message, not the converted text's.
    /// </summary>
    public static GuestSummary Of(DomainConfig config, Func<SourceLocation, SourceLocation>? relocate, int filesRead = 0)
    {
        var document = config.Document;
        // Every location of one config is in its file: an xm config's too, moved to the script's lines of that file.
        var path = document.Path;
        Place At(SourceLocation location)
        {
            location = relocate is null ? location : relocate(location);
            System.Diagnostics.Debug.Assert(string.Equals(location.Path, path, StringComparison.Ordinal), "a guest's positions are in its config");
            return new Place(location.Span, location.Start);
        }

        var writer = new GuestSummaryWriter();
        writer.Varint(filesRead);
        writer.String(path);
        var flagsAt = writer.Length;
        writer.Byte(0);
        byte flags = 0;
        if (config.Name is { } name && document.TryGetSetting("name", out var nameSetting))
        {
            flags |= HasName;
            writer.String(name);
            writer.Place(At(DomainConfigValidator.ValueLocation(config, nameSetting)));
        }

        if (config.Uuid is { } uuid && document.TryGetSetting("uuid", out var uuidSetting))
        {
            flags |= HasUuid;
            Span<byte> bytes = stackalloc byte[16];
            uuid.TryWriteBytes(bytes);
            writer.Bytes(bytes);
            writer.Place(At(DomainConfigValidator.ValueLocation(config, uuidSetting)));
            var text = config.UuidText;
            if (!string.Equals(text, uuid.ToString("D"), StringComparison.Ordinal))
            {
                flags |= HasUuidText;
                writer.String(text);
            }
        }

        writer.SetByte(flagsAt, flags);

        var macs = new List<(MacAddress, Place)>();
        foreach (var vif in DomainDevices.Vifs(config))
        {
            if (vif.Spec.Mac is { } mac)
            {
                macs.Add((mac, At(vif.Location)));
            }
        }

        writer.Varint(macs.Count);
        var macOffsets = macs.Count >= IndexedFrom ? writer.OffsetTable(macs.Count) : -1;
        Span<byte> octets = stackalloc byte[6];
        for (var item = 0; item < macs.Count; item++)
        {
            var (mac, place) = macs[item];
            writer.RecordOffset(macOffsets, item);
            var index = 0;
            foreach (var octet in mac.Octets)
            {
                octets[index++] = octet;
            }

            writer.Bytes(octets);
            writer.Place(place);
        }

        writer.RecordOffset(macOffsets, macs.Count);

        var disks = new List<(string Target, bool IsWritable, Place Place)>();
        foreach (var disk in DomainDevices.Disks(config))
        {
            // CD-ROMs and empty targets are not compared.
            if (!disk.Spec.IsCdrom && RepositoryValidator.NormalizeTarget(disk.Spec) is { } target)
            {
                disks.Add((target, disk.IsWritable, At(disk.Location)));
            }
        }

        writer.Varint(disks.Count);
        var diskOffsets = disks.Count >= IndexedFrom ? writer.OffsetTable(disks.Count) : -1;
        for (var item = 0; item < disks.Count; item++)
        {
            var (target, isWritable, place) = disks[item];
            writer.RecordOffset(diskOffsets, item);
            var isWide = !GuestSummaryWriter.IsLatin1(target);
            writer.Byte((byte)((isWide ? DiskIsWide : 0) | (isWritable ? DiskIsWritable : 0)));
            writer.Text(target, isWide);
            writer.Place(place);
        }

        writer.RecordOffset(diskOffsets, disks.Count);
        return new GuestSummary(writer.ToArray());
    }

    private bool AtName(out Reader reader)
    {
        reader = new Reader(_bytes);
        reader.Varint();
        reader.Skip(reader.StringLength());
        var flags = reader.Byte();
        return (flags & HasName) != 0;
    }

    private bool AtUuid(out Reader reader, out byte flags)
    {
        reader = new Reader(_bytes);
        reader.Varint();
        reader.Skip(reader.StringLength());
        flags = reader.Byte();
        if ((flags & HasName) != 0)
        {
            reader.Skip(reader.StringLength());
            reader.Place();
        }

        return (flags & HasUuid) != 0;
    }

    private Reader AtMacs()
    {
        var hasUuid = AtUuid(out var reader, out var flags);
        if (hasUuid)
        {
            reader.Skip(16);
            reader.Place();
            if ((flags & HasUuidText) != 0)
            {
                reader.Skip(reader.StringLength());
            }
        }

        return reader;
    }

    private Reader AtDisks()
    {
        var reader = AtMacs();
        var count = reader.Varint();
        if (count >= IndexedFrom)
        {
            reader.SeekToItem(count);
            return reader;
        }

        for (var index = 0; index < count; index++)
        {
            reader.Skip(6);
            reader.Place();
        }

        return reader;
    }

    // At the bytes of the index-th disk's target, with its flags and their byte count read.
    private Reader AtDisk(int index, out byte flags, out int length)
    {
        var reader = AtDisks();
        var count = reader.Varint();
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
        if (count >= IndexedFrom)
        {
            reader.SeekToItem(index);
            flags = reader.Byte();
            length = reader.StringLength();
            return reader;
        }

        for (var skipped = 0; ; skipped++)
        {
            flags = reader.Byte();
            length = reader.StringLength();
            if (skipped == index)
            {
                return reader;
            }

            reader.Skip(length);
            reader.Place();
        }
    }

    private ReadOnlySpan<byte> TargetBytes(int disk, out bool isWide)
    {
        var reader = AtDisk(disk, out var flags, out var length);
        isWide = (flags & DiskIsWide) != 0;
        return _bytes.AsSpan(reader.Position, length);
    }

    /// <summary>Reads a summary's bytes in order.</summary>
    private ref struct Reader(byte[] bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; }

        public byte Byte() => _bytes[Position++];

        public int Varint()
        {
            uint value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var next = _bytes[Position++];
                value |= (uint)(next & 0x7F) << shift;
                if (next < 0x80)
                {
                    return (int)value;
                }
            }
        }

        public void Skip(int count) => Position += count;

        // Just after a list's count, in a list with offsets: to its item'th item (its end for the count).
        public void SeekToItem(int item) => Position = BinaryPrimitives.ReadInt32LittleEndian(_bytes[(Position + (4 * item))..]);

        public ReadOnlySpan<byte> Bytes(int count)
        {
            var bytes = _bytes.Slice(Position, count);
            Position += count;
            return bytes;
        }

        public Place Place() => new(new TextSpan(Varint(), Varint()), new LinePosition(Varint(), Varint()));

        // A string's byte count, its header read (0 for null).
        public int StringLength()
        {
            var header = Varint();
            return header == 0 ? 0 : GuestSummaryWriter.ByteCount(header);
        }

        public ReadOnlySpan<byte> StringBytes(out bool isWide)
        {
            var header = Varint();
            isWide = (header & 1) == 0 && header != 0;
            return header == 0 ? default : Bytes(GuestSummaryWriter.ByteCount(header));
        }

        public string? String()
        {
            var header = (uint)Varint();
            if (header == 0)
            {
                return null;
            }

            var bytes = Bytes(GuestSummaryWriter.ByteCount((int)header));
            return (header & 1) == 0 ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : Encoding.Latin1.GetString(bytes);
        }
    }
}

/// <summary>
/// Writes a <see cref="GuestSummary"/>'s bytes. A string is a header (0 for null, else its character count shifted left
/// once, plus one for Latin-1 or two for UTF-16: odd is Latin-1) and then its bytes; a number is a little-endian base-128
/// varint of its 32 bits (a negative number takes five bytes and reads back the same).
/// </summary>
internal sealed class GuestSummaryWriter
{
    private byte[] _buffer = new byte[128];

    public int Length { get; private set; }

    public static bool IsLatin1(string text)
    {
        foreach (var character in text)
        {
            if (character > '\u00FF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bytes of a string whose header is <paramref name="header"/> (not 0).</summary>
    public static int ByteCount(int header) => (header & 1) != 0 ? (int)((uint)header >> 1) : (int)(((uint)header - 2) >> 1) * 2;

    public void Byte(byte value)
    {
        Reserve(1);
        _buffer[Length++] = value;
    }

    public void SetByte(int at, byte value) => _buffer[at] = value;

    /// <summary>Room for the offsets of a list's <paramref name="count"/> items and of its end; where it starts.</summary>
    public int OffsetTable(int count)
    {
        var at = Length;
        Reserve(4 * (count + 1));
        Length += 4 * (count + 1);
        return at;
    }

    /// <summary>Writes where the list's <paramref name="item"/>th item (its end for the count) starts: here. Nothing without a table (-1).</summary>
    public void RecordOffset(int table, int item)
    {
        if (table >= 0)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(table + (4 * item)), Length);
        }
    }

    public void Varint(int value)
    {
        var bits = (uint)value;
        Reserve(5);
        while (bits >= 0x80)
        {
            _buffer[Length++] = (byte)(bits | 0x80);
            bits >>= 7;
        }

        _buffer[Length++] = (byte)bits;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Place(Place place)
    {
        Varint(place.Span.Start);
        Varint(place.Span.Length);
        Varint(place.Start.Line);
        Varint(place.Start.Character);
    }

    public void String(string? text)
    {
        if (text is null)
        {
            Varint(0);
            return;
        }

        Text(text, !IsLatin1(text));
    }

    /// <summary>A string that is not null, in Latin-1 unless <paramref name="isWide"/>.</summary>
    public void Text(string text, bool isWide)
    {
        // The header counts characters: a string of over 2^30 characters is beyond any .NET string.
        Varint(isWide ? (text.Length << 1) + 2 : (text.Length << 1) + 1);
        if (isWide)
        {
            // The characters' own bytes: any UTF-16, lone surrogates too, reads back exactly.
            Bytes(MemoryMarshal.AsBytes(text.AsSpan()));
        }
        else
        {
            Reserve(text.Length);
            Length += Encoding.Latin1.GetBytes(text, _buffer.AsSpan(Length));
        }
    }

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    private void Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }
    }
}

/// <summary>
/// A <see cref="SourceLocation"/> kept as a value: 24 bytes inline instead of an object per position (an xm config's
/// assignments, which may name another file than the one a finding is on).
/// </summary>
internal readonly record struct Spot(string? Path, TextSpan Span, LinePosition Start)
{
    /// <summary>The location a finding reports (equal to the one the spot was made from).</summary>
    public SourceLocation ToLocation() => new(Path, Span, Start);
}

/// <summary>Where in a guest's config something is written: a <see cref="SourceLocation"/> without its path, 16 bytes inline.</summary>
internal readonly record struct Place(TextSpan Span, LinePosition Start);

/// <summary>
/// One compared disk of a <see cref="GuestSummary"/>: where its target's bytes are in the summary (Latin-1, or UTF-16
/// when <paramref name="IsWide"/>), whether the guest may write it, and where it is written.
/// </summary>
internal readonly record struct DiskMapping(int Start, int Length, bool IsWide, bool IsWritable, Place Place);
