namespace XenConfig.Domain.Model;

/// <summary>What xl knows about one key of a domain config.</summary>
/// <param name="Name">The key.</param>
/// <param name="Type">How xl reads the value.</param>
/// <param name="Default">The default xl (libxl) uses when the key is not set, as text; null when there is none.</param>
/// <param name="Description">One line for people.</param>
/// <param name="IsCommon">True for the keys that real configs commonly use (★ in the spec).</param>
/// <param name="Property">The <see cref="DomainConfig"/> property that reads and writes the key, typed as xl reads it.</param>
public sealed record DomainKey(string Name, DomainKeyType Type, string? Default, string Description, bool IsCommon = false, string? Property = null);
