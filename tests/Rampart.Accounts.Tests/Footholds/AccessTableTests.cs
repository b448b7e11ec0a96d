using CsCheck;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Footholds;

namespace Rampart.Accounts.Tests.Footholds;

/// <summary>The tally and address tables hold what a dictionary would, in the order it was added.</summary>
public sealed class AccessTableTests
{
    [Fact]
    public void Tallies_count_as_a_dictionary_of_first_and_last_sightings_would()
    {
        Gen.Select(Gen.Int[0, 400], Gen.Long[0, 50]).Array[0, 3000].Sample(sightings =>
        {
            var table = new AccessTable();
            var model = new Dictionary<UInt128, (int Order, long Count, long First, long Last)>();
            foreach (var (key, ticks) in sightings)
            {
                // Keys that share their low bits, so chains form.
                var wide = ((UInt128)(ulong)key << 64) | (ulong)(key % 7);
                var sighting = new SightingIds(ticks, 0, 0, 0, 0, 0, key);
                var index = table.Find(wide);
                if (index < 0)
                {
                    table.Add(wide, key, 0, key, sighting);
                    model[wide] = (model.Count, 1, ticks, ticks);
                    continue;
                }

                table.AddSighting(index, sighting);
                var m = model[wide];
                model[wide] = (m.Order, m.Count + 1, Math.Min(m.First, ticks), ticks >= m.Last ? ticks : m.Last);
            }

            Assert.Equal(model.Count, table.Count);
            Assert.Equal(model.Values.Where(m => m.Count > 1).Select(m => m.Order).Order(), table.SeenTwice());
            foreach (var (key, m) in model)
            {
                Assert.Equal(m.Order, table.Find(key));
                var slot = table.Slot(m.Order);
                Assert.Equal(((int)(ulong)(key >> 64), m.Count, m.First, m.Last), (slot.Account, slot.Count, slot.First.Ticks, slot.Last.Ticks));
            }
        }, iter: 200);
    }

    [Fact]
    public void Addresses_get_one_number_each_in_the_order_they_came()
    {
        var address = Gen.OneOf(Gen.UInt[0, 3000].Select(n => $"10.0.{n >> 8}.{n & 255}"), Gen.Int[0, 3000].Select(n => $"2001:db8::{n:x}"));
        address.Array[0, 5000].Sample(texts =>
        {
            var ids = new AddressIds();
            var model = new Dictionary<string, int>();
            foreach (var text in texts)
            {
                var id = ids.Id(ClientAddressKey.Of(ClientAddress.Parse(text)));
                Assert.Equal(model.TryGetValue(text, out var known) ? known : model[text] = model.Count, id);
            }

            foreach (var (text, id) in model)
            {
                Assert.Equal(id, ids.Find(text));
                Assert.Equal(ClientAddress.Parse(text)!.ToString(), ids.Text(id));
            }
        }, iter: 100);
    }
}
