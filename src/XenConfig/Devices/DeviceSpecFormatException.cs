namespace XenConfig.Devices;

/// <summary>Thrown by the <c>Parse</c> methods of the device spec types when the spec is invalid.</summary>
public sealed class DeviceSpecFormatException : FormatException
{
    /// <summary>Creates the exception for an invalid spec.</summary>
    /// <param name="spec">The rejected spec string.</param>
    /// <param name="error">Why and where it was rejected.</param>
    public DeviceSpecFormatException(string spec, DeviceSpecError error)
        : base($"{error.Message} at offset {error.Offset} in '{spec}'")
    {
        Spec = spec;
        Error = error;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DeviceSpecFormatException()
        : this(string.Empty, new DeviceSpecError("invalid device spec", 0, 0))
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public DeviceSpecFormatException(string message)
        : this(string.Empty, new DeviceSpecError(message, 0, 0))
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DeviceSpecFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Spec = string.Empty;
        Error = new DeviceSpecError(message, 0, 0);
    }

    /// <summary>The rejected spec string.</summary>
    public string Spec { get; }

    /// <summary>Why and where the spec was rejected.</summary>
    public DeviceSpecError Error { get; }
}
