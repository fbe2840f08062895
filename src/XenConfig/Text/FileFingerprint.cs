using System.Security.Cryptography;

namespace XenConfig.Text;

/// <summary>
/// What a file held when it was read: its length and the SHA-256 of its bytes. A save compares it with the file on
/// disk so that it never replaces a change someone else made in between (<see cref="AtomicFileOptions.ExpectedContent"/>).
/// </summary>
public sealed class FileFingerprint : IEquatable<FileFingerprint>
{
    private readonly byte[] _hash;

    private FileFingerprint(long length, byte[] hash)
    {
        Length = length;
        _hash = hash;
    }

    /// <summary>Number of bytes.</summary>
    public long Length { get; }

    /// <summary>The SHA-256 of the bytes, in lowercase hexadecimal.</summary>
    public string Sha256 => Convert.ToHexString(_hash).ToLowerInvariant();

    /// <summary>The fingerprint of <paramref name="bytes"/>.</summary>
    public static FileFingerprint Of(ReadOnlySpan<byte> bytes) => new(bytes.Length, SHA256.HashData(bytes));

    /// <summary>Whether <paramref name="bytes"/> are the bytes this fingerprint was taken of.</summary>
    public bool Matches(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length && CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes), _hash);

    /// <inheritdoc />
    public bool Equals(FileFingerprint? other) => other is not null && other.Length == Length && other._hash.AsSpan().SequenceEqual(_hash);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FileFingerprint);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_hash, 0);

    /// <inheritdoc />
    public override string ToString() => $"{Length} bytes, sha256 {Sha256}";
}
