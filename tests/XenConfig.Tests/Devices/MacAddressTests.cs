using System.Globalization;
using Sprache;
using XenConfig.Devices;

namespace XenConfig.Tests.Devices;

public sealed class MacAddressTests
{
    [Theory]
    [InlineData("00:16:3e:12:34:56", "00:16:3e:12:34:56")]
    [InlineData("00-16-3E-AB-CD-EF", "00:16:3e:ab:cd:ef")]
    [InlineData("0:16:3e:1:2:3", "00:16:3e:01:02:03")]
    [InlineData("aa:00:00:00:00:01", "aa:00:00:00:00:01")]
    public void Valid_addresses_parse_to_lowercase_colon_form(string text, string expected)
    {
        Assert.Equal(expected, MacAddress.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("00:16:3e:12:34")]
    [InlineData("00:16:3e:12:34:56:78")]
    [InlineData("00:16:3e:12:34:5g")]
    [InlineData("00:16:3e:12:34:567")]
    [InlineData("00:16-3e:12:34:56")]
    [InlineData("0016.3e12.3456")]
    [InlineData("00:16:3e:12:34:56 ")]
    [InlineData("00:16:3e:12:34:")]
    public void Invalid_addresses_are_rejected_with_xc2021(string text)
    {
        Assert.False(MacAddress.TryParse(text, out _, out var error));
        Assert.Equal("XC2021", error.Descriptor?.Id);
        Assert.Throws<DeviceSpecFormatException>(() => MacAddress.Parse(text));
    }

    [Theory]
    [InlineData("00:16:3e:12:34:56", false, false, true)]
    [InlineData("01:16:3e:12:34:56", true, false, false)]
    [InlineData("02:00:00:00:00:01", false, true, false)]
    [InlineData("ff:ff:ff:ff:ff:ff", true, true, false)]
    [InlineData("00:16:3f:00:00:00", false, false, false)]
    public void Address_bits_are_decoded(string text, bool multicast, bool local, bool xen)
    {
        var mac = MacAddress.Parse(text);

        Assert.Equal(multicast, mac.IsMulticast);
        Assert.Equal(local, mac.IsLocallyAdministered);
        Assert.Equal(xen, mac.IsXenOui);
    }

    [Fact]
    public void Equality_and_hash_compare_octets_not_spelling()
    {
        var a = MacAddress.Parse("00:16:3E:0A:0B:0C");
        var b = MacAddress.Parse("00-16-3e-a-b-c");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, MacAddress.Parse("00:16:3e:0a:0b:0d"));
        Assert.Equal(a, new MacAddress([0x00, 0x16, 0x3e, 0x0a, 0x0b, 0x0c]));
        Assert.Equal([0x00, 0x16, 0x3e, 0x0a, 0x0b, 0x0c], a.Octets);
    }

    [Fact]
    public void Zero_address_means_generate_one()
    {
        Assert.True(MacAddress.Parse("00:00:00:00:00:00").IsZero);
        Assert.False(MacAddress.XenOuiPrefix.IsZero);
        Assert.True(MacAddress.XenOuiPrefix.IsXenOui);
    }

    // The grammar MacAddress was written in before its span scanner (Sprache allocated about 15 KB per address), with
    // the checks around it: the scanner must accept exactly these texts, with the same octets.
    private static readonly Parser<byte> ReferenceOctet =
        from digits in Parse.Char(c => Uri.IsHexDigit(c), "hex digit").Repeat(1, 2).Text()
        select byte.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static readonly Parser<long> ReferenceAddress =
        (from first in ReferenceOctet
         from separator in Parse.Chars(":-")
         from rest in (from octet in ReferenceOctet from next in Parse.Chars(":-").Optional() select octet).Repeat(5)
         select new[] { first }.Concat(rest).Aggregate(0L, (value, octet) => (value << 8) | octet)).End();

    private static string? Reference(string text)
    {
        var result = ReferenceAddress.TryParse(text);
        var separators = text.Where(c => c is ':' or '-').ToList();
        return result.WasSuccessful && text.Length is >= 11 and <= 17 && separators.Distinct().Count() == 1 && separators.Count == 5
            ? new MacAddress(BitConverter.GetBytes(result.Value).Take(6).Reverse().ToArray()).ToString()
            : null;
    }

    // Addresses of six groups of one or two hex digits (either case) with ':' or '-', and zero to three edits of each
    // (a hex digit, a non-hex letter, a separator, a dot or a blank inserted or put in place of a character, or a
    // character deleted): texts on both sides of every rule of the grammar.
    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 20));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Accepts_exactly_the_texts_of_the_reference_grammar(int seed)
    {
        var random = new Random(seed);
        const string Hex = "0123456789abcdefABCDEF";
        const string Edits = "0aF9Gz:-:-. ";
        var accepted = 0;
        for (var n = 0; n < 2_000; n++)
        {
            var separator = random.Next(2) == 0 ? ":" : "-";
            var text = string.Join(separator, Enumerable.Range(0, 6).Select(_ => new string(Enumerable.Range(0, random.Next(1, 3)).Select(_ => Hex[random.Next(Hex.Length)]).ToArray())));
            for (var edits = random.Next(4); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                var character = Edits[random.Next(Edits.Length)].ToString();
                text = random.Next(3) switch
                {
                    0 => text.Insert(at, character),
                    1 => text.Remove(at, 1).Insert(at, character),
                    _ => text.Remove(at, 1),
                };
            }

            var expected = Reference(text);
            Assert.Equal(expected is not null, MacAddress.TryParse(text, out var mac, out var error));
            if (expected is not null)
            {
                accepted++;
                Assert.Equal(expected, mac.ToString());
            }
            else
            {
                Assert.Equal("XC2021", error!.Descriptor?.Id);
            }
        }

        Assert.InRange(accepted, 200, 1_800); // both sides are reached
    }

    [Fact]
    public void Parsing_a_valid_address_allocates_nothing()
    {
        Assert.True(MacAddress.TryParse("00:16:3e:12:34:56", out _, out _)); // the first call may allocate (JIT, statics)
        var before = GC.GetAllocatedBytesForCurrentThread();
        var valid = MacAddress.TryParse("00:16:3e:12:34:56", out var mac, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.True(mac.IsXenOui);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Constructor_needs_six_octets()
    {
        Assert.Throws<ArgumentException>(() => new MacAddress([1, 2, 3]));
    }
}
