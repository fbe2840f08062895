using XenConfig.Xm.Python;

namespace XenConfig.Xm.Tests;

public sealed class InsertionOrderedDictionaryTests
{
    [Fact]
    public void Setting_a_key_again_keeps_its_place_and_removing_then_adding_moves_it_last()
    {
        var dictionary = new InsertionOrderedDictionary<string, int>(StringComparer.Ordinal) { ["a"] = 1, ["b"] = 2, ["c"] = 3 };
        dictionary["a"] = 10;
        Assert.Equal(["a=10", "b=2", "c=3"], Listed(dictionary));

        Assert.True(dictionary.Remove("a"));
        Assert.False(dictionary.Remove("a"));
        dictionary["a"] = 11;
        Assert.Equal(["b=2", "c=3", "a=11"], Listed(dictionary));
        Assert.Equal(3, dictionary.Count);
        Assert.False(dictionary.ContainsKey("z"));
        Assert.Throws<KeyNotFoundException>(() => dictionary["z"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1_000)]
    public void Without_removals_an_entry_is_found_by_its_number_in_the_order_whatever_the_capacity_given(int capacity)
    {
        var dictionary = new InsertionOrderedDictionary<string, int>(StringComparer.Ordinal, capacity);
        for (var i = 0; i < 100; i++)
        {
            dictionary["k" + i] = i * 10;
        }

        dictionary["k7"] = 7;
        Assert.Equal(100, dictionary.Count);
        Assert.Equal(7, dictionary.IndexOf("k7"));
        Assert.Equal(-1, dictionary.IndexOf("k100"));
        Assert.Equal("k42", dictionary.KeyAt(42));
        Assert.Equal(420, dictionary.ValueAt(42));
        Assert.Equal(7, dictionary.ValueAt(dictionary.IndexOf("k7")));
    }

    [Fact]
    public void Many_keys_removed_and_added_keep_their_order_and_their_values()
    {
        // Against a list of pairs, through growth, holes and the compactions that drop them.
        var dictionary = new InsertionOrderedDictionary<string, int>(StringComparer.Ordinal);
        var expected = new List<(string Key, int Value)>();
        var random = new Random(14);
        for (var step = 0; step < 20_000; step++)
        {
            var key = "k" + random.Next(3_000);
            var at = expected.FindIndex(e => e.Key == key);
            if (random.Next(3) == 0)
            {
                Assert.Equal(at >= 0, dictionary.Remove(key));
                if (at >= 0)
                {
                    expected.RemoveAt(at);
                }
            }
            else
            {
                dictionary[key] = step;
                if (at >= 0)
                {
                    expected[at] = (key, step);
                }
                else
                {
                    expected.Add((key, step));
                }
            }
        }

        Assert.Equal(expected.Select(e => $"{e.Key}={e.Value}"), Listed(dictionary));
        Assert.Equal(expected.Count, dictionary.Count);
        foreach (var (key, value) in expected)
        {
            Assert.True(dictionary.TryGetValue(key, out var found));
            Assert.Equal(value, found);
        }
    }

    [Fact]
    public void Python_equal_keys_are_one_entry_kept_under_the_first_key()
    {
        var dictionary = new PyDict();
        dictionary.Set(1L, "int");
        dictionary.Set(1.0, "float");
        dictionary.Set(true, "bool");
        dictionary.Set("1", "str");

        Assert.Equal(2, dictionary.Count);
        Assert.Equal([(object)1L, "1"], dictionary.Items.Select(e => e.Key));
        Assert.True(dictionary.TryGet(1L, out var value));
        Assert.Equal("bool", value);
    }

    [Fact]
    public void Changing_the_dictionary_while_enumerating_it_fails_the_enumeration()
    {
        var dictionary = new InsertionOrderedDictionary<string, int>(StringComparer.Ordinal) { ["a"] = 1, ["b"] = 2 };
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var entry in dictionary)
            {
                dictionary["c"] = 3;
            }
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var entry in dictionary)
            {
                dictionary.Remove("b");
            }
        });
    }

    private static List<string> Listed<TValue>(InsertionOrderedDictionary<string, TValue> dictionary) =>
        dictionary.Select(e => $"{e.Key}={e.Value}").ToList();
}
