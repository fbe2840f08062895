using XenConfig.Devices;

namespace XenConfig.Libxl;

/// <summary>The para-virtual display and sound frontends: <c>vdispl</c> and <c>vsnd</c>.</summary>
internal sealed partial class LibxlProjection
{
    private static readonly string[] PcmFormats =
    [
        "s8", "u8", "s16_le", "s16_be", "u16_le", "u16_be", "s24_le", "s24_be", "u24_le", "u24_be", "s32_le", "s32_be",
        "u32_le", "u32_be", "f32_le", "f32_be", "f64_le", "f64_be", "iec958_subframe_le", "iec958_subframe_be", "mu_law",
        "a_law", "ima_adpcm", "mpeg", "gsm",
    ];

    private void ParseVdispls()
    {
        if (List("vdispl") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            var vdispl = new LibxlVdispl { DevId = _result.Vdispls.Count };
            _result.Vdispls.Add(vdispl);
            foreach (var piece in Pieces(spec))
            {
                if (Option(piece, "backend") is { } backend)
                {
                    vdispl.BackendDomain = backend;
                }
                else if (Option(piece, "be-alloc") is { } beAlloc)
                {
                    vdispl.BackendAllocates = CNumbers.Strtoul(beAlloc, 0, 0, out _) != 0;
                }
                else if (Option(piece, "connectors") is { } connectors)
                {
                    ParseConnectors(vdispl, connectors);
                }
                else
                {
                    throw Reject("vdispl", $"Unknown string \"{piece}\" in vdispl spec");
                }
            }

            if (vdispl.Connectors.Count == 0)
            {
                throw Reject("vdispl", "At least one connector should be specified.");
            }
        }
    }

    private void ParseConnectors(LibxlVdispl vdispl, string text)
    {
        var connectors = SplitTokens(text, ";");
        if (connectors.Count == 0)
        {
            throw Reject("vdispl", "connectors= is empty: xl crashes on it (it splits an empty list)");
        }

        // A later connectors= replaces the earlier list.
        vdispl.Connectors.Clear();
        foreach (var _ in connectors)
        {
            vdispl.Connectors.Add(new LibxlVdisplConnector());
        }

        for (var i = 0; i < connectors.Count; i++)
        {
            var halves = SplitTokens(connectors[i], ":");
            if (halves.Count < 2)
            {
                throw Reject("vdispl", $"connector \"{connectors[i]}\" is not ID:WIDTHxHEIGHT: xl reads an uninitialised resolution");
            }

            vdispl.Connectors[i].UniqueId = halves[0];
            var (fields, width, height) = ScanResolution(halves[1]);
            vdispl.Connectors[i].Width = width;
            vdispl.Connectors[i].Height = height;
            if (fields != 2)
            {
                // xl stops at the first bad resolution; sscanf matching nothing is only a message, not a failure.
                if (fields != 0)
                {
                    throw Reject("vdispl", "Can't parse connector resolution");
                }

                Warn("vdispl", "Can't parse connector resolution; xl leaves this and the later connectors empty");
                return;
            }
        }
    }

    /// <summary>C <c>sscanf(text, "%ux%u")</c>: how many numbers matched, and their 32-bit values.</summary>
    private static (int Fields, uint Width, uint Height) ScanResolution(string text)
    {
        if (!TryScanUnsigned(text, 0, out var width, out var end))
        {
            return (0, 0, 0);
        }

        if (end >= text.Length || text[end] != 'x' || !TryScanUnsigned(text, end + 1, out var height, out _))
        {
            return (1, width, 0);
        }

        return (2, width, height);
    }

    /// <summary>sscanf's <c>%u</c>: blanks, an optional sign, decimal digits; the value wraps to 32 bits.</summary>
    private static bool TryScanUnsigned(string text, int start, out uint value, out int end)
    {
        var number = CNumbers.Strtoul(text, start, 10, out end);
        value = unchecked((uint)number);
        return end != start;
    }

    private void ParseVsnds()
    {
        if (List("vsnd") is not { } list)
        {
            return;
        }

        foreach (var card in list.Items)
        {
            if (!card.IsList)
            {
                throw Reject("vsnd", "Failed to get vsnd card list: Invalid argument");
            }

            var vsnd = new LibxlVsnd { DevId = _result.Vsnds.Count };
            _result.Vsnds.Add(vsnd);
            foreach (var item in Strings(card))
            {
                ParseVsndItem(vsnd, item);
            }
        }
    }

    /// <summary>xl's <c>parse_vsnd_item</c>: the first piece says what the item adds (card, pcm, stream), the rest set it.</summary>
    private void ParseVsndItem(LibxlVsnd vsnd, string item)
    {
        string? kind = null;
        foreach (var piece in Pieces(item))
        {
            if (kind is null)
            {
                kind = piece.ToLowerInvariant();
                switch (kind)
                {
                    case "card":
                        break;
                    case "pcm":
                        vsnd.Pcms.Add(new LibxlVsndPcm());
                        break;
                    case "stream":
                        if (vsnd.Pcms.Count == 0)
                        {
                            vsnd.Pcms.Add(new LibxlVsndPcm());
                        }

                        vsnd.Pcms[^1].Streams.Add(new LibxlVsndStreamInfo());
                        break;
                    default:
                        throw Reject("vsnd", $"Invalid key: {piece}");
                }

                continue;
            }

            if (kind == "card")
            {
                if (!VsndParameter(vsnd.Parameters, piece))
                {
                    if (Option(piece, "backend") is { } backend)
                    {
                        vsnd.BackendDomain = backend;
                    }
                    else if (Option(piece, "short-name") is { } shortName)
                    {
                        vsnd.ShortName = shortName;
                    }
                    else if (Option(piece, "long-name") is { } longName)
                    {
                        vsnd.LongName = longName;
                    }
                    else
                    {
                        throw Reject("vsnd", $"Invalid parameter: {piece}");
                    }
                }
            }
            else if (kind == "pcm")
            {
                var pcm = vsnd.Pcms[^1];
                if (!VsndParameter(pcm.Parameters, piece))
                {
                    pcm.Name = Option(piece, "name") ?? throw Reject("vsnd", $"Invalid parameter: {piece}");
                }
            }
            else
            {
                var stream = vsnd.Pcms[^1].Streams[^1];
                if (!VsndParameter(stream.Parameters, piece))
                {
                    if (Option(piece, "unique-id") is { } id)
                    {
                        stream.UniqueId = id;
                    }
                    else if (Option(piece, "type") is { } type)
                    {
                        stream.Type = type.ToLowerInvariant() is "p" or "c" ? type.ToLowerInvariant() : throw Reject("vsnd", $"Invalid stream type: {type}");
                    }
                    else
                    {
                        throw Reject("vsnd", $"Invalid parameter: {piece}");
                    }
                }
            }
        }
    }

    /// <summary>xl's <c>parse_vsnd_params</c>: false when <paramref name="piece"/> is not one of the shared parameters.</summary>
    private bool VsndParameter(LibxlVsndParameters parameters, string piece)
    {
        if (Option(piece, "sample-rates") is { } rates)
        {
            parameters.SampleRates.Clear();
            foreach (var rate in NonEmptyList(rates, "sample-rates"))
            {
                parameters.SampleRates.Add(unchecked((uint)CNumbers.Strtoul(rate, 0, 0, out _)));
            }
        }
        else if (Option(piece, "sample-formats") is { } formats)
        {
            parameters.SampleFormats.Clear();
            foreach (var format in NonEmptyList(formats, "sample-formats"))
            {
                var name = format.ToLowerInvariant();
                parameters.SampleFormats.Add(Array.IndexOf(PcmFormats, name) >= 0 ? name : throw Reject("vsnd", $"Invalid pcm format: {format}"));
            }
        }
        else if (Option(piece, "channels-min") is { } min)
        {
            parameters.ChannelsMin = unchecked((uint)CNumbers.Strtoul(min, 0, 0, out _));
        }
        else if (Option(piece, "channels-max") is { } max)
        {
            parameters.ChannelsMax = unchecked((uint)CNumbers.Strtoul(max, 0, 0, out _));
        }
        else if (Option(piece, "buffer-size") is { } size)
        {
            parameters.BufferSize = unchecked((uint)CNumbers.Strtoul(size, 0, 0, out _));
        }
        else
        {
            return false;
        }

        return true;
    }

    private List<string> NonEmptyList(string text, string name)
    {
        var items = SplitTokens(text, ";");
        return items.Count > 0 ? items : throw Reject("vsnd", $"{name}= is empty: xl crashes on it (it splits an empty list)");
    }

    /// <summary>xl's <c>MATCH_OPTION</c>: the text after <c>NAME=</c> when <paramref name="piece"/> starts with it.</summary>
    private static string? Option(string piece, string name) =>
        piece.Length > name.Length && piece.StartsWith(name, StringComparison.Ordinal) && piece[name.Length] == '='
            ? piece[(name.Length + 1)..]
            : null;
}
