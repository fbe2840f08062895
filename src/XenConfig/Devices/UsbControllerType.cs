namespace XenConfig.Devices;

/// <summary>A USB controller's <c>type=</c> (libxl's <c>libxl_usbctrl_type</c>).</summary>
public enum UsbControllerType
{
    /// <summary><c>auto</c>: libxl picks (the default).</summary>
    Auto,

    /// <summary><c>pv</c>: a PV USB controller.</summary>
    Pv,

    /// <summary><c>devicemodel</c>: emulated by the device model (HVM).</summary>
    DeviceModel,

    /// <summary><c>qusb</c>: QEMU's PV USB backend.</summary>
    Qusb,
}
