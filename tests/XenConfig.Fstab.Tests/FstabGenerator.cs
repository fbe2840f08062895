using System.Text;

namespace XenConfig.Fstab.Tests;

/// <summary>
/// Seeded generator of fstab files mixing valid and invalid fragments: odd separators, escapes, numbers at the edges of
/// strtol, comments in every position, CR/LF variants, NUL bytes, non-UTF-8 bytes, missing final newlines.
/// </summary>
internal sealed class FstabGenerator(int seed)
{
    private static readonly string[] Sources =
    [
        "/dev/xvda1", "UUID=0a1b2c3d-4e5f", "LABEL=root", "LABEL=\"my\\040disk\"", "PARTUUID=1234-01", "ID=x", "proc", "none",
        "tmpfs", "server:/export", "//host/share", "\\043hash", "#x", "a#b", "/dev/a\\000b", "\\000", "\\777", "\\x20", "\\04",
        "\\", "\\\\", "é", "/mnt/a\\040b", "UUID=", "uuid=abc", "LABEL='abc'def", "\v", "\f", "\r", "x\r", "=", ",", "\"",
    ];

    private static readonly string[] Targets =
    [
        "/", "/home", "none", "swap", "/mnt/my\\040disk", "/mnt/tab\\011x", "/opt#x", "#", "\\134", "\\12", "\\0123", "/ü",
        "\v", "x\r", "\\015",
    ];

    private static readonly string[] Types = ["ext4", "xfs", "swap", "auto", "udf,iso9660", "none", "fuse.sshfs", "\\040", "ignore", "#"];

    private static readonly string[] Options =
    [
        "defaults", "ro,noexec,,nosuid,", "context=\"a:b,c\"", "noexec,context=\"abc,def,nosuid", "opt1\\054opt2", "x-systemd.automount",
        "pri=-2", "defaults\v", "#", "# note", "=a", "a=b=c", "\"q\"", "user=", "\\000", "ro,rw",
    ];

    private static readonly string[] Numbers =
    [
        "0", "1", "2", "+0", "02", "-1", "0x", "2x", "zero", "+", "-", "#", "99999999999999999999", "-99999999999999999999",
        "2147483648", "4294967297", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "\v1", "\f2", "1\v",
        "\r", "\r1", "\\060", "0#", "00000000000000000000000001",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "\t", "  ", " \t ", "\t\t", "\v", " \v "];

    private readonly Random _random = new(seed);

    public byte[] Next()
    {
        var bytes = new List<byte>();
        var lines = _random.Next(0, 7);
        for (var i = 0; i < lines; i++)
        {
            AppendLine(bytes);
            var last = i == lines - 1;
            if (last && _random.Next(4) == 0)
            {
                if (_random.Next(3) == 0)
                {
                    bytes.Add((byte)'\r');
                }

                break; // no final newline
            }

            Append(bytes, _random.Next(10) switch
            {
                0 => "\r\n",
                1 => "\r\r\n",
                _ => "\n",
            });
        }

        return [.. bytes];
    }

    private void AppendLine(List<byte> bytes)
    {
        switch (_random.Next(12))
        {
            case 0:
                Append(bytes, Pick([string.Empty, " ", "\t \t", "  "]));
                return;
            case 1:
                Append(bytes, Pick(["#", "# comment", "  # indented", "\t#x y z", "#\0nul"]));
                return;
        }

        if (_random.Next(3) == 0)
        {
            Append(bytes, Pick([" ", "\t", "  "]));
        }

        var fieldCount = _random.Next(0, 9);
        string[][] pools = [Sources, Targets, Types, Options, Numbers, Numbers, Numbers, Options];
        for (var f = 0; f < fieldCount; f++)
        {
            if (f > 0)
            {
                Append(bytes, Pick(Separators));
            }

            AppendField(bytes, pools[f]);
        }

        if (_random.Next(4) == 0)
        {
            Append(bytes, Pick([" ", "\t", " \t", " # trailing", "\0after-nul"]));
        }
    }

    private void AppendField(List<byte> bytes, string[] pool)
    {
        switch (_random.Next(20))
        {
            case 0:
                bytes.Add((byte)_random.Next(0x80, 0x100)); // not UTF-8: the file reads as Latin-1
                Append(bytes, Pick(pool));
                break;
            case 1:
                for (var i = _random.Next(1, 6); i > 0; i--)
                {
                    bytes.Add((byte)_random.Next(0x21, 0x7F));
                }

                break;
            case 2:
                Append(bytes, Pick(pool) + Pick(pool));
                break;
            default:
                Append(bytes, Pick(pool));
                break;
        }
    }

    private string Pick(string[] pool) => pool[_random.Next(pool.Length)];

    private static void Append(List<byte> bytes, string text) => bytes.AddRange(Encoding.UTF8.GetBytes(text));
}
