using System.Text;
using System.Text.Json;
using CsCheck;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Tests.AuditLogs;

/// <summary>
/// The quick check of plain records and the walks over validated JSON must agree with
/// <see cref="Utf8JsonReader"/> on every input: what the check vouches for the reader reads without
/// error, into the same members; what it does not, the reader reads as before.
/// </summary>
public sealed class PlainJsonTests
{
    private static readonly string[] Pieces =
    [
        "{", "}", "[", "]", ",", ":", " ", "\t", "\r\n", "\"", "\\", "\\\"", "\\u00e9", "\\uD800", "\\u12G4", "\\x", "\\/", "\\n",
        "\"Name\"", "\"name\"", "\"Value\"", "\"a\\u0062c\"", "\"Operation\"", "\"é\"", "\u00e9", "\u0001", "\u007f",
        "0", "-0", "01", "1.5", "1.", ".5", "-", "1e5", "1E+5", "1e", "2e-3", "true", "false", "null", "tru", "nul", "truex",
        "\"text\"", "\"" + new string('x', 40) + "\"", "\"" + new string('y', 33) + "\\\"" + new string('z', 20) + "\"",
    ];

    private static readonly Gen<string> Record = Gen.Frequency(
        (3, Gen.Int.Select(seed => Json(new Random(seed), 0, topLevel: true, ascii: seed % 4 != 0))),
        (2, Gen.Select(Gen.Int, Gen.Int[0, 400], Gen.Int[0, Pieces.Length - 1]).Select(p => Mutate(Json(new Random(p.Item1), 0, topLevel: true, ascii: true), p.Item2, Pieces[p.Item3]))),
        (1, Gen.Int[0, Pieces.Length - 1].Array[0, 30].Select(parts => string.Concat(parts.Select(i => Pieces[i])))));

    [Fact]
    public void What_the_check_vouches_for_the_reader_reads_into_the_same_members()
    {
        Record.Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var names = new NameTable();
            var plain = new RecordMembers(names);
            bool vouched;
            try
            {
                vouched = plain.TryReadPlain(bytes);
            }
            catch (InvalidOperationException)
            {
                // A name whose text is invalid (a lone surrogate): the reader's look-up throws the same.
                Assert.Throws<InvalidOperationException>(() => ReadWithReader(bytes, new RecordMembers(new NameTable())));
                return;
            }

            if (!vouched)
            {
                return;
            }

            var read = new RecordMembers(names);
            ReadWithReader(bytes, read);
            Assert.Equal(Describe(read), Describe(plain));
        }, iter: 20_000);
    }

    [Fact]
    public void Walking_validated_json_finds_the_members_and_elements_the_reader_finds()
    {
        Gen.Int.Select(seed => Json(new Random(seed), 0, topLevel: false, ascii: false)).Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes("[" + text + "]");
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
            reader.Read();
            var array = RawJson.Current(ref reader, 0);
            Assert.Equal(ByReader(bytes, array), ByWalk(bytes, array));
        }, iter: 5_000);
    }

    [Fact]
    public void A_record_with_non_ascii_text_is_left_to_the_reader()
    {
        var members = new RecordMembers(new NameTable());

        Assert.False(members.TryReadPlain("{\"UserId\":\"jos\u00e9@contoso.com\"}"u8.ToArray()));
        Assert.True(members.TryReadPlain("{\"UserId\":\"jos\\u00e9@contoso.com\"}"u8.ToArray()));
    }

    [Theory]
    [InlineData("{\"a\":01}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":[1,]}")]
    [InlineData("{\"a\":\"x\u0001\"}")]
    [InlineData("{\"a\":\"\\q\"}")]
    [InlineData("{\"a\":truex}")]
    [InlineData("{\"a\":1} {}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("[{\"a\":1}]")]
    public void Invalid_or_unusual_records_are_not_vouched_for(string text)
    {
        Assert.False(new RecordMembers(new NameTable()).TryReadPlain(Encoding.UTF8.GetBytes(text)));
    }

    private static void ReadWithReader(byte[] bytes, RecordMembers members)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        reader.Read();
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        members.Read(bytes, ref reader, 0);
        while (reader.Read())
        {
        }
    }

    private static string Describe(RecordMembers members) =>
        string.Join('|', Enumerable.Range(0, members.Count).Select(i => members[i]).Select(m => $"{m.Name}/{m.Fold}/{m.NameStart}/{m.NameLength}/{m.ValueStart}/{m.ValueLength}/{m.Kind}"));

    private static string ByReader(byte[] bytes, RawValue array)
    {
        var parts = new List<string>();
        var reader = RawJson.Open(bytes, array);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var element = RawJson.Current(ref reader, array.Start);
            parts.Add($"{element}");
            if (element.Kind == JsonTokenType.StartObject)
            {
                var inner = RawJson.Open(bytes, element);
                while (inner.Read() && inner.TokenType == JsonTokenType.PropertyName)
                {
                    var name = Encoding.UTF8.GetString(inner.ValueSpan);
                    var nameStart = element.Start + (int)inner.TokenStartIndex + 1;
                    inner.Read();
                    parts.Add($"{name}@{nameStart}={RawJson.Current(ref inner, element.Start)}");
                }
            }
        }

        return string.Join('|', parts);
    }

    private static string ByWalk(byte[] bytes, RawValue array)
    {
        var parts = new List<string>();
        foreach (var element in ValidJson.Elements(bytes, array))
        {
            parts.Add($"{element}");
            if (element.Kind == JsonTokenType.StartObject)
            {
                foreach (var member in ValidJson.Members(bytes, element))
                {
                    parts.Add($"{Encoding.UTF8.GetString(member.Name)}@{member.NameStart}={member.Value}");
                }
            }
        }

        return string.Join('|', parts);
    }

    /// <summary>A random valid JSON value: objects, arrays, strings with escapes and non-ASCII text, numbers, literals, white space between.</summary>
    private static string Json(Random random, int depth, bool topLevel, bool ascii)
    {
        var kind = topLevel ? 0 : random.Next(depth > 4 ? 2 : 0, 8);
        var space = () => random.Next(6) switch { 0 => " ", 1 => "\r\n\t", _ => "" };
        switch (kind)
        {
            case 0:
                var members = Enumerable.Range(0, random.Next(topLevel ? 1 : 0, 8))
                    .Select(_ => space() + Text(random, ascii) + space() + ":" + space() + Json(random, depth + 1, false, ascii) + space());
                return "{" + string.Join(',', members) + space() + "}";
            case 1:
                return "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 5)).Select(_ => space() + Json(random, depth + 1, false, ascii) + space())) + "]";
            case 2 or 3:
                return Text(random, ascii);
            case 4:
                return random.Next(5) switch { 0 => "0", 1 => "-12.5e+3", 2 => "3.25", 3 => "1E9", _ => random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            case 5:
                return random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" };
            default:
                return Text(random, ascii);
        }
    }

    private static string Text(Random random, bool ascii)
    {
        string[] parts = ["Name", "Value", "Operation", "x", "\\\"", "\\\\", "\\/", "\\n", "\\u00e9", "]", "}", "{", ",", ":", " ", new string('a', random.Next(0, 50)), "\u00e9", "\u4e2d"];
        var count = ascii ? parts.Length - 2 : parts.Length;
        return "\"" + string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => parts[random.Next(count)])) + "\"";
    }

    private static string Mutate(string text, int at, string piece)
    {
        at = Math.Min(at, text.Length);
        return (at % 3) switch
        {
            0 => text.Insert(at, piece),
            1 => text.Remove(at, Math.Min(piece.Length, text.Length - at)),
            _ => text.Remove(at, Math.Min(1, text.Length - at)).Insert(at, piece),
        };
    }
}
