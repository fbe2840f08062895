namespace XenConfig.Fstab.Model;

/// <summary>What the first field of an entry names.</summary>
public enum FstabSourceKind
{
    /// <summary>A path: block device (<c>/dev/xvda1</c>, <c>/dev/mapper/vg-root</c>), image or swap file, bind source.</summary>
    Path,

    /// <summary>A tag libmount resolves through libblkid: <c>UUID=</c>, <c>LABEL=</c>, <c>PARTUUID=</c>, <c>PARTLABEL=</c>, <c>ID=</c>.</summary>
    Tag,

    /// <summary><c>NAME=value</c> with a name libmount does not support (<c>uuid=</c>, <c>FOO=</c>); kept as an opaque source.</summary>
    UnsupportedTag,

    /// <summary>A network share: <c>host:/path</c>, <c>user@host:/dir</c>, <c>//server/share</c>.</summary>
    Network,

    /// <summary>Any other word, naming no device: <c>proc</c>, <c>sysfs</c>, <c>devpts</c>, <c>tmpfs</c>, <c>none</c> (also <c>UUID=</c> with no value).</summary>
    Pseudo,
}
