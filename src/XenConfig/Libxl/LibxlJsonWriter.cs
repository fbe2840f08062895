using System.Globalization;
using System.Text.Json;

namespace XenConfig.Libxl;

/// <summary>
/// Writes fields the way libxl's generated <c>*_gen_json</c> functions do: a field at its default is left out, a
/// defbool is the string <c>"True"</c>/<c>"False"</c>, a bitmap is the list of its set bits, enums are libxl's
/// lower-case names, and structs are always written (even when empty).
/// </summary>
internal sealed class LibxlJsonWriter(Utf8JsonWriter writer)
{
    public Utf8JsonWriter Inner => writer;

    public void String(string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public void Number(string name, long? value)
    {
        if (value is { } number && number != 0)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>A number whose libxl default is not zero (<c>-1</c>, <c>~0</c>): written unless it is that default.</summary>
    public void Number(string name, long value, long defaultValue)
    {
        if (value != defaultValue)
        {
            writer.WriteNumber(name, value);
        }
    }

    public void Unsigned(string name, ulong? value)
    {
        if (value is { } number && number != 0)
        {
            writer.WriteNumber(name, number);
        }
    }

    public void Boolean(string name, bool value)
    {
        if (value)
        {
            writer.WriteBoolean(name, true);
        }
    }

    public void DefBool(string name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteString(name, flag ? "True" : "False");
        }
    }

    public void Enum(string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public void Bitmap(string name, IReadOnlyCollection<int>? bits)
    {
        if (bits is { Count: > 0 })
        {
            writer.WritePropertyName(name);
            WriteBitmap(bits);
        }
    }

    public void WriteBitmap(IEnumerable<int> bits)
    {
        writer.WriteStartArray();
        foreach (var bit in bits.Order())
        {
            writer.WriteNumberValue(bit);
        }

        writer.WriteEndArray();
    }

    /// <summary>An array of 32-bit numbers (<c>irqs</c>, <c>distances</c>, <c>sample_rates</c>); an empty one is left out unless <paramref name="writeEmpty"/>.</summary>
    public void NumberList(string name, IEnumerable<uint> values, bool writeEmpty = false)
    {
        var list = values as IReadOnlyCollection<uint> ?? values.ToList();
        if (list.Count == 0 && !writeEmpty)
        {
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var value in list)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    public void StringList(string name, IReadOnlyList<string>? items)
    {
        if (items is { Count: > 0 })
        {
            writer.WritePropertyName(name);
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
    }

    public void Struct(string name, Action<LibxlJsonWriter> body)
    {
        writer.WritePropertyName(name);
        writer.WriteStartObject();
        body(this);
        writer.WriteEndObject();
    }

    public void Array<T>(string name, IReadOnlyList<T> items, Action<LibxlJsonWriter, T> item)
    {
        if (items.Count == 0)
        {
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var element in items)
        {
            item(this, element);
        }

        writer.WriteEndArray();
    }

    public void Object(Action<LibxlJsonWriter> body)
    {
        writer.WriteStartObject();
        body(this);
        writer.WriteEndObject();
    }

    public static string Hex(long value) => value.ToString("x", CultureInfo.InvariantCulture);
}
