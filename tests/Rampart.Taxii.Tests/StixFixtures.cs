using System.Globalization;
using System.Text;

namespace Rampart.Taxii.Tests;

/// <summary>Small STIX 2.1 objects and bundles written for these tests.</summary>
public static class StixFixtures
{
    public const string Green = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    public const string Amber = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    public const string Red = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    public static string NewId(string type) => $"{type}--{Guid.NewGuid()}";

    public static string Indicator(string id, string domain, string modified = "2026-01-01T00:00:00.000Z", string? marking = null) =>
        $$"""
        {"type":"indicator","spec_version":"2.1","id":"{{id}}","created":"2026-01-01T00:00:00.000Z","modified":"{{modified}}",
         "name":"{{domain}}","pattern":"[domain-name:value = '{{domain}}']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z",
         "indicator_types":["malicious-activity"]{{(marking is null ? "" : $",\"object_marking_refs\":[\"{marking}\"]")}}}
        """;

    public static string Identity(string id, string name) =>
        $$"""{"type":"identity","spec_version":"2.1","id":"{{id}}","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","name":"{{name}}","identity_class":"organization"}""";

    public static string Bundle(IEnumerable<string> objects) =>
        $$"""{"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[{{string.Join(",", objects)}}]}""";

    public static string Envelope(IEnumerable<string> objects) => $$"""{"objects":[{{string.Join(",", objects)}}]}""";

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    public static string Time(int minute) => new DateTimeOffset(2026, 1, 1, 0, minute, 0, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
