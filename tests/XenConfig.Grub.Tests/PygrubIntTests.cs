using System.Numerics;
using XenConfig.Grub.Pygrub;

namespace XenConfig.Grub.Tests;

/// <summary>pygrub converts <c>default</c>, <c>timeout</c> and disk numbers with Python's <c>int()</c>; the port reads the same values.</summary>
public sealed class PygrubIntTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData(" 42 ", "42")]
    [InlineData("+7", "7")]
    [InlineData("-12", "-12")]
    [InlineData("1_000", "1000")]
    [InlineData("00017", "17")]
    [InlineData("12345678901234567", "12345678901234567")]
    [InlineData("123456789012345678", "123456789012345678")]
    [InlineData("123456789012345678901234567890123456", "123456789012345678901234567890123456")]
    [InlineData("1_2345678901234567_89012345678901234", "1234567890123456789012345678901234")]
    [InlineData("\u0663\u0664", "34")]
    public void Python_int_reads_numbers_of_any_length(string text, string expected)
    {
        Assert.True(PygrubReading.TryPythonInt(text, out var value));
        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1__0")]
    [InlineData("0x10")]
    [InlineData("5s")]
    public void Python_int_refuses_what_python_refuses(string text) =>
        Assert.False(PygrubReading.TryPythonInt(text, out _));

    [Theory]
    [InlineData("(hd0,1)", "d0p1")]
    [InlineData("(hd0", "d0")]
    [InlineData("(hd3)", "d3")]
    [InlineData("(hd00,007)", "d0p7")]
    [InlineData("(sd2,5)", "d2p5")]
    [InlineData("(hd1234567890,1)", "d1234567890p1")]
    [InlineData("(hd0,msdos2)", "d0p2")]
    [InlineData("(hd0, 1)", "d0p1")]
    [InlineData("hd1,2", "d1p2")]
    [InlineData("(/dev/xvdb)", "d1")]
    public void Disk_names_read_as_GrubDiskPart_reads_them(string text, string expected)
    {
        // pygrub drops the parentheses, skips two characters and reads the rest with int(); the usual (hdN,M) is read
        // in one pass, and what that pass does not take (ten digits, msdos, blanks, /dev/xvd) must read the same.
        Assert.Equal(expected, PygrubReading.Disk.FromText(text).ToString());
    }
}
