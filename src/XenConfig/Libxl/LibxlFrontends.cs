namespace XenConfig.Libxl;

/// <summary>libxl's <c>device_vdispl</c>: a para-virtual display, from one <c>vdispl</c> item.</summary>
public sealed class LibxlVdispl
{
    /// <summary><c>backend_domname</c>, from <c>backend=</c>.</summary>
    public string? BackendDomain { get; set; }

    /// <summary><c>devid</c>: the item's index.</summary>
    public int DevId { get; set; }

    /// <summary><c>be_alloc</c>, from <c>be-alloc=</c>: the backend allocates the display buffers.</summary>
    public bool BackendAllocates { get; set; }

    /// <summary><c>connectors</c>, from <c>connectors=ID:WxH;...</c>.</summary>
    public IList<LibxlVdisplConnector> Connectors { get; } = [];

    internal void Write(LibxlJsonWriter json)
    {
        json.String("backend_domname", BackendDomain);
        json.Inner.WriteNumber("devid", DevId);
        json.Boolean("be_alloc", BackendAllocates);
        json.Array("connectors", Connectors.ToList(), (j, connector) => j.Object(connector.Write));
    }
}

/// <summary>libxl's <c>connector_param</c>: one output of a <see cref="LibxlVdispl"/>.</summary>
public sealed class LibxlVdisplConnector
{
    /// <summary><c>unique_id</c>.</summary>
    public string? UniqueId { get; set; }

    /// <summary><c>width</c> in pixels.</summary>
    public uint Width { get; set; }

    /// <summary><c>height</c> in pixels.</summary>
    public uint Height { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.String("unique_id", UniqueId);
        json.Number("width", Width);
        json.Number("height", Height);
    }
}

/// <summary>libxl's <c>device_vsnd</c>: a para-virtual sound card, from one list of <c>vsnd</c>.</summary>
public sealed class LibxlVsnd
{
    /// <summary><c>backend_domname</c>, from <c>backend=</c>.</summary>
    public string? BackendDomain { get; set; }

    /// <summary><c>devid</c>: the card's index.</summary>
    public int DevId { get; set; }

    /// <summary><c>short_name</c>, from <c>short-name=</c>.</summary>
    public string? ShortName { get; set; }

    /// <summary><c>long_name</c>, from <c>long-name=</c>.</summary>
    public string? LongName { get; set; }

    /// <summary><c>params</c>: the card's stream parameters.</summary>
    public LibxlVsndParameters Parameters { get; } = new();

    /// <summary><c>pcms</c>: the card's PCM devices, one per <c>pcm</c> item.</summary>
    public IList<LibxlVsndPcm> Pcms { get; } = [];

    internal void Write(LibxlJsonWriter json)
    {
        json.String("backend_domname", BackendDomain);
        json.Inner.WriteNumber("devid", DevId);
        json.String("short_name", ShortName);
        json.String("long_name", LongName);
        json.Struct("params", Parameters.Write);
        json.Array("pcms", Pcms.ToList(), (j, pcm) => j.Object(pcm.Write));
    }
}

/// <summary>libxl's <c>vsnd_pcm</c>: a PCM device of a <see cref="LibxlVsnd"/>.</summary>
public sealed class LibxlVsndPcm
{
    /// <summary><c>name</c>, from <c>name=</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>params</c>.</summary>
    public LibxlVsndParameters Parameters { get; } = new();

    /// <summary><c>streams</c>, one per <c>stream</c> item.</summary>
    public IList<LibxlVsndStreamInfo> Streams { get; } = [];

    internal void Write(LibxlJsonWriter json)
    {
        json.String("name", Name);
        json.Struct("params", Parameters.Write);
        json.Array("streams", Streams.ToList(), (j, stream) => j.Object(stream.Write));
    }
}

/// <summary>libxl's <c>vsnd_stream</c>: a playback or capture stream of a <see cref="LibxlVsndPcm"/>.</summary>
public sealed class LibxlVsndStreamInfo
{
    /// <summary><c>unique_id</c>, from <c>unique-id=</c>.</summary>
    public string? UniqueId { get; set; }

    /// <summary><c>type</c>: <c>p</c> (playback), <c>c</c> (capture), or null when not given.</summary>
    public string? Type { get; set; }

    /// <summary><c>params</c>.</summary>
    public LibxlVsndParameters Parameters { get; } = new();

    internal void Write(LibxlJsonWriter json)
    {
        json.String("unique_id", UniqueId);
        json.Enum("type", Type);
        json.Struct("params", Parameters.Write);
    }
}

/// <summary>libxl's <c>vsnd_params</c>: what a card, PCM device or stream supports.</summary>
public sealed class LibxlVsndParameters
{
    /// <summary><c>sample_rates</c>, from <c>sample-rates=R;R</c>.</summary>
    public IList<uint> SampleRates { get; } = [];

    /// <summary><c>sample_formats</c> (libxl's lower-case names, e.g. <c>s16_le</c>), from <c>sample-formats=F;F</c>.</summary>
    public IList<string> SampleFormats { get; } = [];

    /// <summary><c>channels_min</c>.</summary>
    public uint ChannelsMin { get; set; }

    /// <summary><c>channels_max</c>.</summary>
    public uint ChannelsMax { get; set; }

    /// <summary><c>buffer_size</c>.</summary>
    public uint BufferSize { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.NumberList("sample_rates", SampleRates);

        json.StringList("sample_formats", SampleFormats.ToList());
        json.Number("channels_min", ChannelsMin);
        json.Number("channels_max", ChannelsMax);
        json.Number("buffer_size", BufferSize);
    }
}
