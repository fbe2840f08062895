namespace XenConfig.Domain.Model;

// The edit surface of a domain config: every change of an xl config goes through these methods (and the typed
// setters, which call them). Each one rewrites only the bytes of the value it changes in Document and parses the text
// again, so the document's tree, settings and diagnostics always describe the current text.
public sealed partial class DomainConfig
{
    /// <summary>
    /// Sets <paramref name="key"/> so that its effective value becomes <paramref name="value"/>. An existing key has only
    /// its last value rewritten (and a last <c>+=</c> turned into <c>=</c>); a new key is appended as
    /// <c>key = value</c> in the file's own spacing and quote style, with the file's line break. Setting the value the
    /// key already has changes nothing.
    /// </summary>
    /// <remarks>
    /// The edit is checked by reading the result again: when any other key's value would change, the key would not read
    /// back as <paramref name="value"/>, a diagnostic would appear, or the file's encoding (Latin-1) cannot hold a
    /// character, the config is left as it was and the edit is refused.
    /// </remarks>
    /// <param name="key">The xl key.</param>
    /// <param name="value">The new effective value (<see cref="SettingValue.Parse"/> reads one from an xl literal).</param>
    /// <exception cref="ArgumentException">The key is not a valid xl key, a string holds a line feed or NUL, or the edit
    /// would change anything else (see remarks); nothing changes.</exception>
    public void Set(string key, SettingValue value) => Document.Set(key, value);

    /// <summary>Sets a string value (written quoted); see <see cref="Set(string, SettingValue)"/>.</summary>
    /// <param name="key">The xl key.</param>
    /// <param name="value">The string.</param>
    /// <exception cref="ArgumentException">See <see cref="Set(string, SettingValue)"/>.</exception>
    public void Set(string key, string value) => Document.Set(key, value);

    /// <summary>
    /// Sets a number value (written as a bare number; negative numbers quoted, as xl requires); see
    /// <see cref="Set(string, SettingValue)"/>.
    /// </summary>
    /// <param name="key">The xl key.</param>
    /// <param name="value">The number.</param>
    /// <exception cref="ArgumentException">See <see cref="Set(string, SettingValue)"/>.</exception>
    public void Set(string key, long value) => Document.Set(key, value);

    /// <summary>
    /// Removes every assignment of <paramref name="key"/>, each with the rest of its line and the comment block
    /// directly above it.
    /// </summary>
    /// <param name="key">The xl key.</param>
    /// <returns>False when the key is not set.</returns>
    public bool Remove(string key) => Document.Remove(key);

    /// <summary>Replaces item <paramref name="index"/> of the list <paramref name="key"/> (the effective list, across <c>+=</c>).</summary>
    /// <param name="key">The xl key of a list.</param>
    /// <param name="index">The item's index in the effective list.</param>
    /// <param name="item">The new item.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no such item.</exception>
    /// <exception cref="InvalidOperationException">The key is not set or not a list.</exception>
    /// <exception cref="ArgumentException">The item cannot be written, or the edit would change another key or add an error; nothing changes.</exception>
    public void ReplaceListItem(string key, int index, SettingValue item) => Document.ReplaceListItem(key, index, item);

    /// <summary>
    /// Removes item <paramref name="index"/> of the list <paramref name="key"/> with its comma (and its line, in a
    /// one-item-per-line list).
    /// </summary>
    /// <param name="key">The xl key of a list.</param>
    /// <param name="index">The item's index in the effective list.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no such item.</exception>
    /// <exception cref="InvalidOperationException">The key is not set or not a list.</exception>
    public void RemoveListItem(string key, int index) => Document.RemoveListItem(key, index);

    /// <summary>
    /// Inserts <paramref name="item"/> before item <paramref name="index"/> of the list <paramref name="key"/>
    /// (<paramref name="index"/> = count appends), following the list's layout: one item per line or all on one line.
    /// </summary>
    /// <param name="key">The xl key of a list.</param>
    /// <param name="index">Where the item goes in the effective list.</param>
    /// <param name="item">The new item.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is past the end.</exception>
    /// <exception cref="InvalidOperationException">The key is not set or not a list.</exception>
    /// <exception cref="ArgumentException">The item cannot be written, or the edit would change another key or add an error; nothing changes.</exception>
    public void InsertListItem(string key, int index, SettingValue item) => Document.InsertListItem(key, index, item);

    /// <summary>Appends <paramref name="item"/> to the list <paramref name="key"/>, creating the key as a one-item list when it is not set.</summary>
    /// <param name="key">The xl key of a list.</param>
    /// <param name="item">The new item.</param>
    /// <exception cref="InvalidOperationException">The key is set but not a list.</exception>
    /// <exception cref="ArgumentException">The item cannot be written, or the edit would change another key or add an error; nothing changes.</exception>
    public void AddListItem(string key, SettingValue item) => Document.AddListItem(key, item);
}
