namespace Rampart.Dns.Http;

/// <summary>The bounds a chunked body is decoded within (from <see cref="HttpSinkholeOptions"/>).</summary>
internal readonly record struct ChunkedLimits(long MaxBodyBytes, int MaxChunkLineBytes, int MaxTrailerBytes)
{
    public static ChunkedLimits From(HttpSinkholeOptions options) =>
        new(options.MaxRequestBodyBytes, options.MaxChunkLineBytes, options.MaxRequestHeadBytes);
}
