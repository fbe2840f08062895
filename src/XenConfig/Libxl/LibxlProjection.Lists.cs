using XenConfig.Devices;

namespace XenConfig.Libxl;

/// <summary>The smaller device lists: p9, vtpm, pvcalls, channel, usbctrl and usbdev.</summary>
internal sealed partial class LibxlProjection
{
    /// <summary>The <c>key=value</c> pieces of a spec as xl's loops read them: strtok at ',', leading blanks skipped.</summary>
    private static IEnumerable<string> Pieces(string spec) => SplitTokens(spec, ",").Select(p => p.TrimStart(' '));

    private void ParseP9()
    {
        if (List("p9") is not { } list)
        {
            return;
        }

        // xl keeps these between items: a later item without tag= reuses the tag of the one before.
        string? securityModel = null, path = null, tag = null, backend = null;
        foreach (var spec in Strings(list))
        {
            foreach (var piece in Pieces(spec))
            {
                var equals = piece.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0)
                {
                    break;
                }

                var value = piece[(equals + 1)..];
                switch (piece[..equals])
                {
                    case "security_model": securityModel = value; break;
                    case "path": path = value; break;
                    case "tag": tag = value; break;
                    case "backend": backend = value; break;
                    default: throw Reject("p9", $"Unknown string `{piece[..equals]}' in 9pfs spec");
                }
            }

            if (path is null || securityModel is null || tag is null)
            {
                throw Reject("p9", "9pfs spec missing required field!");
            }

            _result.P9s.Add(new LibxlP9 { Tag = tag, SecurityModel = securityModel, Path = path, BackendDomain = backend });
        }
    }

    private void ParseVtpms()
    {
        if (List("vtpm") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            var vtpm = VtpmSpec.TryParse(spec, out var parsed, out var error) ? parsed : throw RejectSpec("vtpm", spec, error);
            _result.Vtpms.Add(new LibxlVtpm { DevId = _result.Vtpms.Count, BackendDomain = vtpm.Backend, Uuid = vtpm.Uuid ?? Guid.Empty });
        }
    }

    private void ParsePvCalls()
    {
        if (List("pvcalls") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            var pvcalls = new LibxlPvCalls { DevId = _result.PvCalls.Count };
            _result.PvCalls.Add(pvcalls);
            foreach (var piece in Pieces(spec))
            {
                var equals = piece.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0)
                {
                    break;
                }

                if (piece[..equals] != "backend")
                {
                    throw Reject("pvcalls", $"Unknown string `{piece[..equals]}' in pvcalls spec");
                }

                pvcalls.BackendDomain = piece[(equals + 1)..];
            }
        }
    }

    private void ParseChannels()
    {
        if (List("channel") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            var channel = new LibxlChannel { DevId = _result.Channels.Count };
            _result.Channels.Add(channel);
            string? connection = null, path = null;
            foreach (var pair in SplitTokens(spec, ","))
            {
                // split_string_into_pair: strtok at '=', so "a=b=c" is (a, b); a piece without a value is fatal.
                var halves = SplitTokens(pair, "=");
                if (halves.Count < 2)
                {
                    throw Reject("channel", $"failed to parse channel configuration: {pair}");
                }

                var key = halves[0].Trim(CSpace);
                var value = halves[1].Trim(CSpace);
                switch (key)
                {
                    case "backend": channel.BackendDomain = value; break;
                    case "name": channel.Name = value; break;
                    case "path": path = value; break;
                    case "connection":
                        connection = value is "pty" or "socket" ? value : throw Reject("channel", $"unknown channel connection '{value}'");
                        break;
                    default:
                        Warn("channel", $"unknown channel parameter '{key}', ignoring");
                        break;
                }
            }

            if (connection is null)
            {
                throw Reject("channel", "channel has unknown 'connection'");
            }

            if (connection == "socket" && path is null)
            {
                throw Reject("channel", "channel connection 'socket' requires path=..");
            }

            channel.Connection = connection;
            channel.SocketPath = connection == "socket" ? path : null;
        }
    }

    private static readonly char[] CSpace = [' ', '\t', '\n', '\v', '\f', '\r'];

    private void ParseUsbControllers()
    {
        if (List("usbctrl") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            var usbctrl = UsbCtrlSpec.TryParse(spec, out var parsed, out var error) ? parsed : throw RejectSpec("usbctrl", spec, error);
            _result.UsbControllers.Add(new LibxlUsbController
            {
                DevId = _result.UsbControllers.Count,
                Type = usbctrl.Type switch
                {
                    UsbControllerType.Pv => "pv",
                    UsbControllerType.DeviceModel => "devicemodel",
                    UsbControllerType.Qusb => "qusb",
                    _ => null, // auto, libxl's default: left out as xl prints it
                },
                Version = usbctrl.Version ?? 0,
                Ports = usbctrl.Ports ?? 0,
            });
        }
    }

    private void ParseUsbDevices()
    {
        if (List("usbdev") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            var usbdev = UsbDevSpec.TryParse(spec, out var parsed, out var error) ? parsed : throw RejectSpec("usbdev", spec, error);
            _result.UsbDevices.Add(new LibxlUsbDevice
            {
                IsHostDevice = usbdev.HasType,
                HostBus = (byte)(usbdev.HostBus ?? 0),
                HostAddress = (byte)(usbdev.HostAddress ?? 0),
                Controller = usbdev.Controller ?? -1,
                Port = usbdev.Port ?? 0,
            });
        }
    }

    private void ParseVkbs()
    {
        if (List("vkb") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            var vkb = new LibxlVkb { DevId = _result.Vkbs.Count };
            _result.Vkbs.Add(vkb);
            foreach (var piece in Pieces(spec))
            {
                var equals = piece.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? null : piece[..equals];
                var value = equals < 0 ? "" : piece[(equals + 1)..];
                var number = Devices.CNumbers.Strtoul(value, 0, 0, out _);
                switch (name)
                {
                    case "backend": vkb.BackendDomain = value; break;
                    case "backend-type":
                        vkb.BackendType = EnumName(value, "vkb", ["unknown", "qemu", "linux"], $"Unknown backend_type \"{value}\" in vkb spec");
                        break;
                    case "unique-id": vkb.UniqueId = value; break;
                    case "feature-disable-keyboard": vkb.FeatureDisableKeyboard = number != 0; break;
                    case "feature-disable-pointer": vkb.FeatureDisablePointer = number != 0; break;
                    case "feature-abs-pointer": vkb.FeatureAbsolutePointer = number != 0; break;
                    case "feature-raw-pointer": vkb.FeatureRawPointer = number != 0; break;
                    case "feature-multi-touch": vkb.FeatureMultiTouch = number != 0; break;
                    case "multi-touch-width": vkb.MultiTouchWidth = unchecked((uint)number); break;
                    case "multi-touch-height": vkb.MultiTouchHeight = unchecked((uint)number); break;
                    case "multi-touch-num-contacts": vkb.MultiTouchContacts = unchecked((uint)number); break;
                    case "width": vkb.Width = unchecked((uint)number); break;
                    case "height": vkb.Height = unchecked((uint)number); break;
                    default: throw Reject("vkb", $"Unknown string \"{piece}\" in vkb spec");
                }
            }

            if (vkb.BackendType is null)
            {
                throw Reject("vkb", "backend-type should be set in vkb spec");
            }

            var sized = vkb.MultiTouchHeight != 0 || vkb.MultiTouchWidth != 0 || vkb.MultiTouchContacts != 0;
            vkb.FeatureMultiTouch |= sized;
            if (vkb.FeatureMultiTouch && !sized)
            {
                throw Reject("vkb", "multi-touch-width, multi-touch-height, multi-touch-num-contacts should be set for multi touch in vkb spec");
            }
        }
    }
}
