using XenConfig.Domain;
using XenConfig.Text;

namespace XenConfig.Xm.Tests;

public sealed class XmSettingsTableTests
{
    [Fact]
    public void A_setting_set_again_keeps_its_place_and_takes_the_new_place_of_assignment()
    {
        var table = new XmSettingsTable(capacity: 1);
        table.Set("memory", SettingValue.Number(64), new TextSpan(0, 11));
        table.Set("name", SettingValue.String("a"), new TextSpan(12, 8));
        table.Set("vcpus", SettingValue.Number(2), null);
        table.Set("memory", SettingValue.Number(128), new TextSpan(30, 12));

        Assert.Equal(["memory", "name", "vcpus"], table.Keys);
        Assert.Equal("128", table["memory"].Text);
        Assert.Equal(new TextSpan(30, 12), table.GetPlace("memory"));
        Assert.Equal(new TextSpan(12, 8), table.GetPlace(1));
        Assert.Null(table.GetPlace("vcpus"));
        Assert.Equal("vcpus", table.KeyAt(2));
        Assert.False(table.TryGetValue("maxmem", out _));
        Assert.Throws<KeyNotFoundException>(() => table["maxmem"]);
    }

    [Fact]
    public void A_name_that_is_no_setting_has_its_place_until_a_command_line_variable_sets_it()
    {
        var table = new XmSettingsTable(capacity: 4);
        table.SetPlaceOfOther("flag", new TextSpan(5, 8));

        Assert.False(table.ContainsKey("flag"));
        Assert.Equal(new TextSpan(5, 8), table.GetPlace("flag"));

        table.Set("flag", SettingValue.String("1"), place: null);
        Assert.Null(table.GetPlace("flag"));
        Assert.Equal("1", table["flag"].Text);
    }

    [Fact]
    public void Thousands_of_settings_past_the_given_capacity_are_found_in_order()
    {
        var table = new XmSettingsTable(capacity: 3);
        for (var i = 0; i < 5_000; i++)
        {
            table.Set("v" + i, SettingValue.Number(i), new TextSpan(i, 1));
        }

        Assert.Equal(5_000, table.Count);
        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => "v" + i), table.Select(e => e.Key));
        Assert.Equal("4321", table["v4321"].Text);
        Assert.Equal(new TextSpan(4321, 1), table.GetPlace("v4321"));
    }
}
