namespace Rampart.Dns.Http;

/// <summary>The answers the HTTP sinkhole can give; each is prebuilt (<see cref="HttpAnswers"/>).</summary>
internal enum HttpAnswer : byte
{
    /// <summary>A sinkholed host: the configured page or status.</summary>
    Sinkholed,

    /// <summary>A host outside the zone set (or none): 404.</summary>
    NotSinkholed,

    BadRequest,

    HeadTooLarge,

    BodyTooLarge,

    VersionNotSupported,
}
