using System.Text;
using System.Text.Json;

namespace Rampart.Intel.Stix;

/// <summary>
/// Writes a bundle object by object to a stream: stored objects go out as the exact JSON they came
/// in as, so nothing Rampart does not understand is lost. Memory stays flat however many objects.
/// </summary>
public sealed class StixBundleWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private bool _ended;

    public StixBundleWriter(Stream stream, string bundleId, bool indented = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, SkipValidation = false });
        _writer.WriteStartObject();
        _writer.WriteString("type", "bundle");
        _writer.WriteString("id", bundleId);
        _writer.WriteStartArray("objects");
    }

    public int Count => _written.Count;

    /// <summary>True when an object with this id is already in the bundle (each id goes out once, at its newest version).</summary>
    public bool Contains(string id) => _written.Contains(id);

    /// <summary>Adds an object given as its JSON text; false when one with that id was already written.</summary>
    public async ValueTask<bool> WriteAsync(string id, string json, CancellationToken cancellationToken)
    {
        if (!_written.Add(id))
        {
            return false;
        }

        _writer.WriteRawValue(Encoding.UTF8.GetBytes(json), skipInputValidation: true);
        if (_writer.BytesPending > 64 * 1024)
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async ValueTask EndAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await _writer.DisposeAsync().ConfigureAwait(false);
}
