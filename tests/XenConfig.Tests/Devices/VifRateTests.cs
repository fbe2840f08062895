using XenConfig.Devices;

namespace XenConfig.Tests.Devices;

public sealed class VifRateTests
{
    // spec §5.1 and probe/results-rate.txt
    [Theory]
    [InlineData("10Mb/s", 1_250_000UL, 62_500UL, 50_000U)]
    [InlineData("250KB/s", 250_000UL, 12_500UL, 50_000U)]
    [InlineData("1MB/s@20ms", 1_000_000UL, 20_000UL, 20_000U)]
    [InlineData("100B/s", 100UL, 5UL, 50_000U)]
    [InlineData("8b/s", 1UL, 0UL, 50_000U)]
    [InlineData("1Gb/s@1s", 125_000_000UL, 125_000_000UL, 1_000_000U)]
    [InlineData("5MB/s@100us", 5_000_000UL, 500UL, 100U)]
    [InlineData("5MB/s@2", 5_000_000UL, 10_000_000UL, 2_000_000U)]
    [InlineData("010MB/s", 8_000_000UL, 400_000UL, 50_000U)]
    public void Rates_are_read_as_xl_reads_them(string text, ulong bytesPerSecond, ulong bytesPerInterval, uint interval)
    {
        var rate = VifRate.Parse(text);

        Assert.Equal(bytesPerSecond, rate.BytesPerSecond);
        Assert.Equal(bytesPerInterval, rate.BytesPerInterval);
        Assert.Equal(interval, rate.IntervalMicroseconds);
        Assert.Equal(text, rate.ToString());
    }

    [Theory]
    [InlineData("10mb/s", "invalid rate", 0, 6)]
    [InlineData("10 MB/s", "invalid rate", 0, 7)]
    [InlineData("10MB/s@", "invalid replenishment interval", 7, 0)]
    [InlineData("@20ms", "no rate specified", 0, 5)]
    [InlineData("0MB/s", "rate overflow", 0, 5)]
    [InlineData("5000000000B/s", "rate overflow", 0, 13)]
    [InlineData("08MB/s", "rate overflow", 0, 6)]
    [InlineData("1MB/s@0ms", "replenishment interval overflow", 6, 3)]
    [InlineData("1MB/s@5000s", "replenishment interval overflow", 6, 5)]
    [InlineData("1MB/s@20ms@1", "invalid replenishment interval", 6, 6)]
    public void Invalid_rates_report_libxlutil_message_and_part(string text, string message, int offset, int length)
    {
        Assert.False(VifRate.TryParse(text, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(length, error.Length);
        Assert.Equal("XC2020", error.Descriptor?.Id);
    }
}
