using System.Text;
using System.Text.Json;
using CsCheck;
using Rampart.Intel.Stix;

namespace Rampart.Intel.Tests.Stix;

public sealed class StixBundleReaderTests
{
    private const string Sample = """
        {"id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
            {"type": "identity", "name": "a \"quoted\" ] name", "nested": {"objects": [1, 2]}},
            {"type": "indicator", "pattern": "[url:value = 'http://x/}']"}
        ], "type": "bundle", "x_after": {"deep": [{}]}}
        """;

    [Fact]
    public void Reads_each_object_as_its_exact_bytes_whatever_the_read_sizes()
    {
        Gen.Int[1, 64].Sample(readSize =>
        {
            var objects = ReadAll(Sample, readSize, out var reader);
            Assert.Equal(2, objects.Count);
            Assert.StartsWith("""{"type": "identity", "name": "a \"quoted\" ] name""", objects[0], StringComparison.Ordinal);
            Assert.Equal("""{"type": "indicator", "pattern": "[url:value = 'http://x/}']"}""", objects[1]);
            Assert.Equal(("bundle", "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d"), (reader.BundleType, reader.BundleId));
        }, iter: 200);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("[1, 2]", "a STIX bundle is a JSON object")]
    [InlineData("""{"type": "bundle", "objects": [{"a": 1}""", "the bundle ends early")]
    [InlineData("""{"type": "bundle", "objects": {}}""", "must be an array")]
    [InlineData("""{"type": "bundle", "objects": [{"a": 1,}]}""", "not valid JSON")]
    [InlineData("""{"type": "bundle"} {}""", "not valid JSON")]
    public void A_file_that_is_not_a_bundle_is_refused_with_the_reason(string text, string reason)
    {
        var ex = Assert.Throws<StixFormatException>(() => ReadAll(text, 7, out _));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_throws_anything_but_a_format_error_on_arbitrary_bytes()
    {
        Gen.OneOf(Gen.String, Gen.String[Gen.Char["{}[]\":, abtypebundleobjects"], 0, 80]).Sample(text =>
        {
            try
            {
                ReadAll(text, 5, out _);
            }
            catch (StixFormatException)
            {
            }
        }, iter: 5000);
    }

    private static List<string> ReadAll(string text, int readSize, out StixBundleReader reader)
    {
        reader = new StixBundleReader(new TrickleStream(Encoding.UTF8.GetBytes(text), readSize));
        var objects = new List<string>();
        while (reader.TryReadObject(out var json))
        {
            objects.Add(Encoding.UTF8.GetString(json.Span));
            using var _ = JsonDocument.Parse(json);
        }

        return objects;
    }

    /// <summary>Hands out at most a few bytes per read, so every token boundary falls between reads somewhere.</summary>
    private sealed class TrickleStream(byte[] data, int readSize) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));
    }
}
