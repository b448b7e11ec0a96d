using System.Text;
using CsCheck;
using Rampart.Dns.Http;

namespace Rampart.Dns.Tests.Http;

public class ChunkedBodyDecoderTests
{
    private static readonly ChunkedLimits Limits = new(MaxBodyBytes: 1024 * 1024, MaxChunkLineBytes: 64, MaxTrailerBytes: 256);

    private const string Body = "5\r\nuser=\r\n1A;name=\"v\"\r\nvictim%40example.org&pw=ab\r\n0\r\nX-Trailer: t\r\n\r\n";

    /// <summary>Decodes <paramref name="reads"/> one after another as the event loop does; the status, the data and the bytes used.</summary>
    private static (ChunkedStatus Status, HttpParseError Error, string Data, int Consumed, long Length) Decode(ChunkedLimits limits, params byte[][] reads)
    {
        var decoder = default(ChunkedBodyDecoder);
        var data = new List<byte>();
        var total = 0;
        foreach (var read in reads)
        {
            var offset = 0;
            while (true)
            {
                var status = decoder.Decode(read.AsSpan(offset), limits, out var used, out var run, out var error);
                Assert.InRange(used, 0, read.Length - offset);
                offset += used;
                total += used;
                if (status == ChunkedStatus.Data)
                {
                    Assert.True(run.Length > 0);
                    data.AddRange(run.ToArray());
                    continue;
                }

                if (status != ChunkedStatus.NeedMore)
                {
                    return (status, error, Encoding.Latin1.GetString([.. data]), total, decoder.BodyLength);
                }

                Assert.Equal(read.Length, offset);
                break;
            }
        }

        return (ChunkedStatus.NeedMore, HttpParseError.None, Encoding.Latin1.GetString([.. data]), total, decoder.BodyLength);
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public void Decodes_chunks_with_extensions_and_skips_trailers_up_to_the_blank_line()
    {
        var decoded = Decode(Limits, Bytes(Body + "GET /next"));

        Assert.Equal((ChunkedStatus.Complete, "user=victim%40example.org&pw=ab", Body.Length, 31L), (decoded.Status, decoded.Data, decoded.Consumed, decoded.Length));
    }

    [Fact]
    public void Every_split_of_the_body_into_two_reads_decodes_the_same()
    {
        var bytes = Bytes(Body);
        for (var at = 0; at <= bytes.Length; at++)
        {
            var decoded = Decode(Limits, bytes[..at], bytes[at..]);

            Assert.Equal((ChunkedStatus.Complete, "user=victim%40example.org&pw=ab", bytes.Length), (decoded.Status, decoded.Data, decoded.Consumed));
        }
    }

    [Fact]
    public void Every_prefix_of_the_body_needs_more_and_is_never_an_error()
    {
        var bytes = Bytes(Body);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(ChunkedStatus.NeedMore, Decode(Limits, bytes[..length]).Status);
        }
    }

    [Theory]
    [InlineData("x\r\nab\r\n0\r\n\r\n")]
    [InlineData("\r\nab\r\n0\r\n\r\n")]
    [InlineData("2\nab\r\n0\r\n\r\n")]
    [InlineData("2\r\nabc\r\n0\r\n\r\n")]
    [InlineData("2\r\nab\n0\r\n\r\n")]
    [InlineData("-2\r\nab\r\n0\r\n\r\n")]
    [InlineData("1000000000000000\r\n")]
    [InlineData("2;ext\nab\r\n0\r\n\r\n")]
    [InlineData("0\r\nX-T: a\nb\r\n\r\n")]
    [InlineData("0\r\n\n")]
    [InlineData("2;aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\nab\r\n0\r\n\r\n")]
    public void Broken_framing_is_refused_not_guessed(string body)
    {
        var decoded = Decode(Limits, Bytes(body));

        Assert.Equal((ChunkedStatus.Invalid, HttpParseError.BadChunk), (decoded.Status, decoded.Error));
    }

    [Fact]
    public void A_body_past_the_limit_is_refused_at_the_chunk_that_would_pass_it_and_trailers_are_bounded()
    {
        var limits = Limits with { MaxBodyBytes = 10 };

        var tooLong = Decode(limits, Bytes("8\r\n12345678\r\n3\r\nabc\r\n0\r\n\r\n"));
        var trailers = Decode(Limits, Bytes("0\r\n" + string.Concat(Enumerable.Repeat("X-Pad: aaaaaaaaaaaaaaaaaaaa\r\n", 20)) + "\r\n"));

        Assert.Equal((ChunkedStatus.Invalid, HttpParseError.BodyTooLarge, 8L), (tooLong.Status, tooLong.Error, tooLong.Length));
        Assert.Equal((ChunkedStatus.Invalid, HttpParseError.HeadTooLarge), (trailers.Status, trailers.Error));
    }

    /// <summary>A body cut into chunks of random sizes, with a random extension and trailer, and the reads it arrives in.</summary>
    private static readonly Gen<(byte[] Body, byte[] Encoded, int[] Cuts)> Encoded =
        Gen.Select(Gen.Byte.Array[0, 600], Gen.Int[1, 70].Array[1, 12], Gen.Bool, Gen.Bool, Gen.Int[0, 2000].Array[0, 6])
        .Select(t =>
        {
            var (body, sizes, extension, trailer, cuts) = t;
            var encoded = new List<byte>();
            var at = 0;
            for (var i = 0; at < body.Length; i++)
            {
                var size = Math.Min(sizes[i % sizes.Length], body.Length - at);
                encoded.AddRange(Bytes($"{size:x}{(extension ? ";n=v" : "")}\r\n"));
                encoded.AddRange(body.AsSpan(at, size).ToArray());
                encoded.AddRange(Bytes("\r\n"));
                at += size;
            }

            encoded.AddRange(Bytes(trailer ? "0\r\nX-Checksum: 1\r\n\r\n" : "0\r\n\r\n"));
            return (body, encoded.ToArray(), cuts);
        });

    private static byte[][] Split(byte[] bytes, int[] cuts)
    {
        var points = cuts.Select(c => c % (bytes.Length + 1)).Append(0).Append(bytes.Length).Distinct().Order().ToArray();
        return [.. points.Zip(points.Skip(1), (from, to) => bytes[from..to])];
    }

    [Fact]
    public void Any_chunking_of_any_body_in_any_reads_decodes_to_the_body()
    {
        Encoded.Sample(t =>
        {
            var decoded = Decode(Limits, Split(t.Encoded, t.Cuts));
            return decoded.Status == ChunkedStatus.Complete && decoded.Consumed == t.Encoded.Length
                && decoded.Data == Encoding.Latin1.GetString(t.Body) && decoded.Length == t.Body.Length;
        });
    }

    [Fact]
    public void Mutated_chunked_bodies_never_throw_and_never_read_past_their_input_or_the_limit()
    {
        var seeds = new[] { Bytes(Body), Bytes("4\r\nabcd\r\n0\r\n\r\n"), Bytes("10;a=b\r\n0123456789abcdef\r\n0\r\nT: 1\r\n\r\n") };
        var limits = Limits with { MaxBodyBytes = 40 };
        Gen.Select(PacketMutations.Of(seeds, maxEdits: 8), Gen.Int[0, 100].Array[0, 3]).Sample(t =>
        {
            var (mutated, cuts) = t;
            var decoded = Decode(limits, Split(mutated, cuts));
            return decoded.Consumed <= mutated.Length && decoded.Length <= limits.MaxBodyBytes
                && (decoded.Status == ChunkedStatus.Invalid) == (decoded.Error != HttpParseError.None);
        });
    }
}
