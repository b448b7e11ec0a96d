using System.CommandLine;
using System.Globalization;
using Rampart.Cli;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Intel.Lifecycle;
using Spectre.Console;

namespace Rampart.Intel;

/// <summary>
/// <c>rampart intel list|show|sighting</c>: stored indicators with where they stand (live, revoked,
/// not yet valid, expired, decayed) and why, and sightings that start their decay over or, as false
/// positives, lower their confidence. On the store directly, like <c>users</c>.
/// </summary>
public static partial class IntelVerbs
{
    private static Command List()
    {
        var type = new Option<string?>("--type") { Description = $"Only this type: {string.Join('|', IndicatorTypes.WireNames)}" };
        var status = new Option<string?>("--status") { Description = "Only indicators that stand so now: live|revoked|not_yet_valid|expired|decayed" };
        status.AcceptOnlyFromAmong("live", "revoked", "not_yet_valid", "expired", "decayed");
        var limit = new Option<int>("--limit") { Description = "At most this many (default 100)", DefaultValueFactory = _ => IndicatorQuery.DefaultLimit };
        var format = CliOptions.Format(rows: false);
        var command = new Command("list", """
            List stored indicators with their lifecycle: status, decay score and why. Decayed and expired ones
            are out of the matching index but stay here.
            Example: rampart intel list --status decayed --type ipv4
            """)
        { type, status, limit, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var lifecycle = store.Get<IndicatorLifecycle>();
            var now = store.Get<TimeProvider>().GetUtcNow();
            var wanted = parse.GetValue(status);
            var rows = new List<(Indicator Indicator, IndicatorStanding Standing)>();
            var after = (string?)null;
            var take = Math.Max(parse.GetValue(limit), 1);
            do
            {
                var page = await store.Get<IIndicatorStore>().ListAsync(new IndicatorQuery(IndicatorQuery.MaxLimit, after, ParseType(parse.GetValue(type)), IncludeRevoked: true), ct);
                rows.AddRange(page.Items.Select(i => (i, lifecycle.Assess(i, now))).Where(r => wanted is null || r.Item2.StatusName == wanted).Take(take - rows.Count));
                after = page.Next;
            }
            while (after is not null && rows.Count < take);

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(new System.Text.Json.Nodes.JsonArray([.. rows.Select(r => IndicatorStandingJson.Of(r.Indicator, r.Standing, Json.Indented))]).ToJsonString(Json.Indented));
                return 0;
            }

            var table = new Table().AddColumns("Id", "Type", "Value", "TLP", "Confidence", "Score", "Status", "Why");
            foreach (var (indicator, standing) in rows)
            {
                table.AddRow(
                    Markup.Escape(indicator.Id),
                    indicator.Type.ToWire(),
                    Markup.Escape(indicator.Value),
                    indicator.Tlp is { } tlp ? Core.Markings.TlpLevels.ToWire(tlp) : "",
                    standing.Confidence.ToString(CultureInfo.InvariantCulture),
                    standing.Score.ToString("0.##", CultureInfo.InvariantCulture),
                    standing.StatusName,
                    Markup.Escape(standing.Why));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id");
        var format = CliOptions.Format(rows: false);
        var command = new Command("show", """
            One indicator with its lifecycle: status, decay score now, when it falls below the threshold, and why.
            Example: rampart intel show indicator--0192…
            """)
        { id, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var indicator = await store.Get<IIndicatorStore>().GetAsync(parse.GetValue(id)!, ct)
                ?? throw new CliException($"no indicator with id '{parse.GetValue(id)}'");
            Print(indicator, store.Get<IndicatorLifecycle>().Assess(indicator, store.Get<TimeProvider>().GetUtcNow()), parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command Sighting()
    {
        var id = new Argument<string>("id");
        var falsePositive = new Option<bool>("--false-positive") { Description = "It matched something benign: lowers the indicator's confidence instead of starting its decay over" };
        var at = new Option<DateTimeOffset?>("--at") { Description = "When it was seen (ISO 8601; default now)" };
        var source = new Option<string>("--source") { Description = "Who saw it", DefaultValueFactory = _ => "cli" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("sighting", """
            Record a sighting of an indicator: its decay score starts over from its base score. With
            --false-positive, its confidence drops by Intel:Decay:FalsePositivePenalty (default 25) instead.
            Example: rampart intel sighting indicator--0192… --source soc
            Example: rampart intel sighting indicator--0192… --false-positive
            """)
        { id, falsePositive, at, source, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var now = store.Get<TimeProvider>().GetUtcNow();
            var seenAt = parse.GetValue(at) ?? now;
            if (seenAt > now.AddMinutes(5))
            {
                throw new CliException($"--at: {seenAt:O} is in the future");
            }

            var indicator = await store.Get<IIndicatorSightings>().RecordAsync(parse.GetValue(id)!, seenAt, parse.GetValue(falsePositive), parse.GetValue(source)!, ChangeContext.ForCli(), ct)
                ?? throw new CliException($"no indicator with id '{parse.GetValue(id)}'");
            Print(indicator, store.Get<IndicatorLifecycle>().Assess(indicator, now), parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static void Print(Indicator indicator, IndicatorStanding standing, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Console.WriteLine(IndicatorStandingJson.Of(indicator, standing, Json.Indented).ToJsonString(Json.Indented));
            return;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"{indicator.Id}  {indicator.Type.ToWire()}  {indicator.Value}");
        Console.WriteLine(string.Create(c, $"  source {indicator.Source}, TLP {(indicator.Tlp is { } tlp ? Core.Markings.TlpLevels.ToWire(tlp) : "none")}, valid from {indicator.ValidFrom:u}{(indicator.ValidUntil is { } until ? $" until {until:u}" : "")}"));
        Console.WriteLine(string.Create(c, $"  confidence {standing.Confidence}{(indicator.FalsePositives > 0 ? $" (stored {indicator.Confidence}, {indicator.FalsePositives} false positive(s))" : "")}, last seen {standing.LastSeen:u}"));
        Console.WriteLine(string.Create(c, $"  score {standing.Score:0.##} (base {standing.BaseScore:0.##}, threshold {standing.Threshold:0.##}){(standing.DecaysAt is { } decays ? $", below the threshold from {decays:u}" : "")}"));
        Console.WriteLine($"  {standing.Why}");
    }
}
