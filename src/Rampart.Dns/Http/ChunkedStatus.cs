namespace Rampart.Dns.Http;

/// <summary>What <see cref="ChunkedBodyDecoder.Decode"/> reached in the bytes it was given.</summary>
internal enum ChunkedStatus : byte
{
    /// <summary>Every byte given was framing or data already returned: read more.</summary>
    NeedMore,

    /// <summary>A run of body data was returned; call again with the rest.</summary>
    Data,

    /// <summary>The last chunk, the trailers and the blank line that ends the body were read.</summary>
    Complete,

    /// <summary>Malformed framing or a limit passed (see the error); answer and close.</summary>
    Invalid,
}
