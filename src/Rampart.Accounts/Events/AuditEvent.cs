using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Events;

/// <summary>
/// One audit record from any supported log, normalized. The typed fields are what summaries,
/// timelines and storage need; <see cref="Data"/> is the whole record for rules: the source's own
/// field names, with name-value arrays flattened into <c>Array.Name</c> fields (the array kept),
/// JSON held in strings parsed, and an Azure Monitor record's <c>properties</c> also lifted to the
/// top level. The Sigma engine resolves field names against <see cref="Data"/> and never sees this type.
/// </summary>
public sealed record AuditEvent
{
    public required Logsource Logsource { get; init; }

    public required EventOrigin Origin { get; init; }

    /// <summary>The export format the record was read from.</summary>
    public AuditLogFormat Format { get; init; }

    /// <summary>When the action happened, in UTC; null when the record gives no usable time.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Who acted: a user principal name, an e-mail address or an application; null when absent.</summary>
    public string? Account { get; init; }

    /// <summary>The client address without its port (<c>1.2.3.4:63070</c> → <c>1.2.3.4</c>); null when absent or not an address.</summary>
    public IPAddress? ClientIp { get; init; }

    /// <summary>The operation with surrounding white space and a trailing dot removed (<c>Consent to application.</c> → <c>Consent to application</c>).</summary>
    public string? Operation { get; init; }

    public AuditResult Result { get; init; }

    /// <summary>The service that logged it: the UAL workload (Exchange, AzureActiveDirectory…); Entra logs say AzureActiveDirectory.</summary>
    public string? Workload { get; init; }

    /// <summary>
    /// The normalized record, always a JSON object. Parsed on first use from <see cref="Utf8"/>: a scan
    /// reads fields straight from the bytes, so only events that a rule matched ever become a document.
    /// </summary>
    public JsonElement Data
    {
        get
        {
            // A reference swap: two threads may both parse, never see half an element.
            var parsed = _data;
            if (parsed is null)
            {
                if (_utf8 is null)
                {
                    throw new InvalidOperationException("the event was read without its record");
                }

                var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { MaxDepth = 256 });
                parsed = new StrongBox<JsonElement>(JsonElement.ParseValue(ref reader));
                _data = parsed;
            }

            return parsed.Value;
        }

        init => _data = new StrongBox<JsonElement>(value);
    }

    /// <summary>The normalized record's UTF-8 bytes, as the reader wrote them (what rules read and <see cref="Data"/> parses).</summary>
    internal ReadOnlySpan<byte> Json => _utf8 is { } utf8 ? utf8 : JsonMarshal.GetRawUtf8Value(Data);

    internal byte[]? Utf8
    {
        init => _utf8 = value;
    }

    /// <summary>Gives an event read without its record (see <c>AuditLogReader.Read</c>) a copy of it, before the event is handed on.</summary>
    internal void Keep(EventRecord record) => _utf8 ??= record.ToNormalizedJson();

    /// <summary>The record as text, without a document when it was never parsed.</summary>
    internal string RawText => _utf8 is { } utf8 ? Encoding.UTF8.GetString(utf8) : Data.GetRawText();

    /// <summary>The client application (see <c>Footholds.EventFields.AppId</c>), read by the reader while it wrote the record; null when it named none.</summary>
    internal string? KnownAppId
    {
        get;
        init
        {
            field = value;
            AppIdKnown = true;
        }
    }

    internal bool AppIdKnown { get; private init; }

    /// <summary>
    /// The client address as its IPv4 number when the record wrote it plainly, for an event read for an
    /// audit (<c>EventDetail.Access</c>): its <see cref="ClientIp"/> is then made only when a rule
    /// matched it. Null otherwise: <see cref="ClientIp"/> has the address.
    /// </summary>
    internal uint? ClientIPv4 { get; init; }

    private byte[]? _utf8;
    private StrongBox<JsonElement>? _data;
}
