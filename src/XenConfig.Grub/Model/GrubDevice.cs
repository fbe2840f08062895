using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Sprache;
using SpracheParse = Sprache.Parse;

namespace XenConfig.Grub.Model;

/// <summary>
/// A GRUB legacy device name: <c>(fd0)</c>, <c>(hd0)</c>, <c>(hd0,0)</c> (0-based partitions), BSD slices
/// <c>(hd1,0,a)</c> / <c>(hd1,0a)</c> / <c>(hd1,a)</c>, a raw BIOS drive number <c>(0x80,1)</c>, <c>(nd)</c>, <c>(cd)</c>.
/// </summary>
public sealed class GrubDevice : IEquatable<GrubDevice>
{
    private static readonly Parser<int> Decimal =
        SpracheParse.Digit.AtLeastOnce().Text().Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue);

    private static readonly Parser<int> Hex =
        from prefix in SpracheParse.String("0x").Or(SpracheParse.String("0X"))
        from digits in SpracheParse.Chars("0123456789abcdefABCDEF").AtLeastOnce().Text()
        select int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    private static readonly Parser<int> Number = Hex.Or(Decimal);

    private static readonly Parser<(GrubDeviceKind Kind, int Drive, bool Raw)> DrivePart =
        (from _ in SpracheParse.String("fd") from n in Number select (GrubDeviceKind.Floppy, n, false))
        .Or(from _ in SpracheParse.String("hd") from n in Number select (GrubDeviceKind.HardDisk, n, false))
        .Or(SpracheParse.String("nd").Return((GrubDeviceKind.Network, 0, false)))
        .Or(SpracheParse.String("cd").Return((GrubDeviceKind.CdRom, 0, false)))
        .Or(Number.Select(n => n >= 0x80 ? (GrubDeviceKind.HardDisk, n - 0x80, true) : (GrubDeviceKind.Floppy, n, true)));

    private static readonly Parser<char> Slice = SpracheParse.Chars("abcdefgh").Named("BSD slice letter a-h");

    private static readonly Parser<(int? Partition, char? Slice)> PartitionPart =
        from comma in SpracheParse.Char(',')
        from result in
            (from partition in Number
             from slice in SpracheParse.Char(',').Optional().Then(_ => Slice).Optional()
             select ((int?)partition, slice.IsDefined ? (char?)slice.Get() : null))
            .Or(Slice.Select(s => ((int?)null, (char?)s)))
        select result;

    private static readonly Parser<GrubDevice> Grammar =
        from open in SpracheParse.Char('(')
        from drive in DrivePart
        from partition in PartitionPart.Optional()
        from close in SpracheParse.Char(')').Named("')'")
        select new GrubDevice(drive.Kind, drive.Drive, drive.Raw, partition.IsDefined ? partition.Get().Partition : null, partition.IsDefined ? partition.Get().Slice : null);

    private GrubDevice(GrubDeviceKind kind, int drive, bool raw, int? partition, char? slice)
    {
        Kind = kind;
        Drive = drive;
        IsBiosNumber = raw;
        Partition = partition;
        BsdSlice = slice;
        Text = string.Empty;
    }

    /// <summary>The device exactly as written, parentheses included.</summary>
    public string Text { get; private set; }

    /// <summary>Floppy, hard disk, network or CD.</summary>
    public GrubDeviceKind Kind { get; }

    /// <summary>The drive number within its kind: 0 for <c>hd0</c>, <c>fd0</c> and for the BIOS numbers 0x80 and 0x00.</summary>
    public int Drive { get; }

    /// <summary>True when the drive was given as a raw BIOS number (<c>(0x80,1)</c>).</summary>
    public bool IsBiosNumber { get; }

    /// <summary>The 0-based PC partition (<c>(hd0,0)</c> is Linux's <c>sda1</c>), or null for a whole disk.</summary>
    public int? Partition { get; }

    /// <summary>The BSD slice letter, or null.</summary>
    public char? BsdSlice { get; }

    /// <summary>Parses a device name such as <c>(hd0,0)</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid GRUB legacy device name.</exception>
    public static GrubDevice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var device, out var error))
        {
            throw new FormatException(error);
        }

        return device;
    }

    /// <summary>Parses a device name; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out GrubDevice? device) => TryParse(text, out device, out _);

    /// <summary>Parses a device name; on failure <paramref name="error"/> says what is wrong and where.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out GrubDevice? device, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        device = null;
        var result = Grammar.End().TryParse(text);
        if (!result.WasSuccessful)
        {
            var column = result.Remainder.Position + 1;
            error = $"'{text}' is not a GRUB device name such as (hd0,0): {result.Message} at column {column.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }

        var parsed = result.Value;
        if (parsed.Kind == GrubDeviceKind.Floppy && (parsed.Partition is not null || parsed.BsdSlice is not null))
        {
            error = $"'{text}': a floppy has no partitions";
            return false;
        }

        if (parsed.Partition > 254)
        {
            error = $"'{text}': partition numbers go up to 254";
            return false;
        }

        if (parsed.IsBiosNumber && parsed.Drive + (parsed.Kind == GrubDeviceKind.HardDisk ? 0x80 : 0) > 0xFF)
        {
            error = $"'{text}': BIOS drive numbers go up to 0xff";
            return false;
        }

        parsed.Text = text;
        device = parsed;
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// Splits a GRUB file name into its device prefix and path: <c>(hd0,0)/boot/vmlinuz</c> gives <c>(hd0,0)</c> and
    /// <c>/boot/vmlinuz</c>; <c>/boot/vmlinuz</c> gives null and itself. Returns false when a prefix is present but
    /// malformed (no closing parenthesis or not a device).
    /// </summary>
    public static bool TrySplitPath(string file, out GrubDevice? device, out string path)
    {
        ArgumentNullException.ThrowIfNull(file);
        device = null;
        path = file;
        if (!file.StartsWith('('))
        {
            return true;
        }

        var close = file.IndexOf(')', StringComparison.Ordinal);
        if (close < 0 || !TryParse(file[..(close + 1)], out device))
        {
            return false;
        }

        path = file[(close + 1)..];
        return true;
    }

    /// <summary>The device exactly as written.</summary>
    public override string ToString() => Text;

    /// <summary>Two devices are equal when they name the same drive, partition and slice, however spelled.</summary>
    public bool Equals(GrubDevice? other) =>
        other is not null && Kind == other.Kind && Drive == other.Drive && Partition == other.Partition && BsdSlice == other.BsdSlice;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GrubDevice);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Drive, Partition, BsdSlice);
}
