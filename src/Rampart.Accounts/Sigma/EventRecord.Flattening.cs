using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// Flattening: name-value arrays (items named by Name, Key or DisplayName, as UAL's <c>Parameters</c>
/// and <c>ModifiedProperties</c>) become <c>Array.Name</c> fields of the table when a rule first asks
/// for such a name — one array alone when only it can hold the name, every array when it must.
/// </summary>
internal sealed partial class EventRecord
{
    // The members of a name-value array's item that flattening reads; the item's name is the first of the first three.
    private static readonly string[] ItemKeys = ["Name", "Key", "DisplayName", "Value", "NewValue", "OldValue"];
    private const int DisplayNameKey = 2;
    private const int ValueKey = 3;
    private const int NewValueKey = 4;
    private const int OldValueKey = 5;
    private const byte IgnoringCase = 1;
    private const byte Exact = 2;

    /// <summary>
    /// Whether a name not in the table may be a flattened one: it has a dot after the name of an
    /// array field (or of a string that may hold one). Flattens, then, and says whether it did.
    /// When one array alone can hold the name, only that array is flattened: a MailItemsAccessed
    /// record asked for <c>OperationProperties.IsThrottled</c> need not read its <c>Folders</c>
    /// (reading every array's first item was a tenth of an audit's CPU over 1M UAL/Entra records).
    /// With two candidates, or an array whose own name has a dot (one array's items could then shadow
    /// another's), every array is flattened in record order, so a name always resolves as it would
    /// after <see cref="Flatten"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NeedsFlatten(ReadOnlySpan<char> name)
    {
        if (!_normalizing || _flattened || _arrays.Count == 0 || name.IndexOf('.') < 0)
        {
            return false;
        }

        var candidate = -1;
        foreach (var index in _arrays)
        {
            var array = _spellings[index];
            if (array.Contains('.', StringComparison.Ordinal))
            {
                candidate = -2;
            }
            else if (name.Length > array.Length && name[array.Length] == '.' && name.StartsWith(array, StringComparison.OrdinalIgnoreCase))
            {
                candidate = candidate == -1 ? index : -2;
            }
        }

        if (candidate == -2)
        {
            Flatten();
            return true;
        }

        if (candidate < 0 || (_flags[candidate] & EntryFlags.ItemsAdded) != 0)
        {
            return false;
        }

        _flattenedAlone = true;
        FlattenOne(candidate);
        return true;
    }

    /// <summary>
    /// Adds each name-value array's items as fields: <c>Array.Name</c> with the item's <c>Value</c>, or
    /// <c>Array.Name.NewValue</c>/<c>.OldValue</c>, after every member of the record and in the
    /// record's order, each unless a field of that name came first. Once per record.
    /// </summary>
    public void Flatten()
    {
        if (!_normalizing || _flattened)
        {
            return;
        }

        _flattened = true;
        var members = _count;
        for (var i = 0; i < members; i++)
        {
            if ((_flags[i] & (EntryFlags.Flattened | EntryFlags.ItemsAdded)) == 0)
            {
                FlattenOne(i);
            }
        }
    }

    /// <summary>Adds one member's items as fields when it is a name-value array (a string holding one parsed first).</summary>
    private void FlattenOne(int index)
    {
        if (_firstFlat < 0)
        {
            _firstFlat = _count;
        }

        _flags[index] |= EntryFlags.ItemsAdded;
        var value = ValueAt(index);
        if (value.Kind == JsonTokenType.StartArray)
        {
            FlattenArray(index, value);
        }
    }

    /// <summary>
    /// Takes the flattened items out of the table and flattens again, every array in record order:
    /// the normalized record then lists its fields as it always did, whichever arrays rules flattened first.
    /// </summary>
    private void Reflatten()
    {
        for (var i = _firstFlat; i < _count; i++)
        {
            _foldStamp[_folds[i]] = 0;
        }

        for (var i = 0; i < _firstFlat; i++)
        {
            _flags[i] &= ~EntryFlags.ItemsAdded;
        }

        _count = _firstFlat;
        _flatNamesUsed = 0;
        _firstFlat = -1;
        _flattened = false;
        _flattenedAlone = false;
        Flatten();
    }

    /// <summary>
    /// Adds the items of a name-value array: one whose first item is an object with a name and a
    /// <c>Value</c>, <c>NewValue</c> or <c>OldValue</c> (the first item is read once, for both).
    /// </summary>
    private void FlattenArray(int arrayIndex, RawValue array)
    {
        Span<RawValue> fields = stackalloc RawValue[ItemKeys.Length];
        Span<byte> found = stackalloc byte[ItemKeys.Length];
        var first = true;
        foreach (var element in ValidJson.Elements(_buffer, array))
        {
            if (element.Kind != JsonTokenType.StartObject)
            {
                if (first)
                {
                    return;
                }

                continue;
            }

            ReadItem(element, fields, found);
            var named = NameOf(fields, found, out var itemName);
            var hasNewOrOld = found[NewValueKey] != 0 || found[OldValueKey] != 0;
            if (first)
            {
                first = false;
                if (!named || !(found[ValueKey] != 0 || hasNewOrOld))
                {
                    return;
                }
            }

            if (!named)
            {
                continue;
            }

            if (found[ValueKey] != 0 && !hasNewOrOld)
            {
                AddFlat(arrayIndex, itemName, default, fields[ValueKey]);
                continue;
            }

            if (found[NewValueKey] != 0)
            {
                AddFlat(arrayIndex, itemName, ".NewValue"u8, fields[NewValueKey]);
            }

            if (found[OldValueKey] != 0)
            {
                AddFlat(arrayIndex, itemName, ".OldValue"u8, fields[OldValueKey]);
            }
        }
    }

    /// <summary>
    /// The item's members that flattening reads (<see cref="ItemKeys"/>), each as <see cref="RecordMembers.TryGet"/>
    /// finds it: the exact spelling first, else the first ignoring case. Plain ASCII names are compared as
    /// they are written, without putting every member in the name table (a MailItemsAccessed record's
    /// <c>OperationProperties</c> is flattened for the bulk rule on every such record); an item with an
    /// escaped or non-ASCII name is read into a member table as before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadItem(RawValue item, Span<RawValue> fields, Span<byte> found)
    {
        found.Clear();
        foreach (var member in ValidJson.Members(_buffer, item))
        {
            var raw = member.Name;
            if (member.NameIsEscaped || !Ascii.IsValid(raw))
            {
                ReadItemMembers(item, fields, found);
                return;
            }

            for (var k = 0; k < ItemKeys.Length; k++)
            {
                var key = ItemKeys[k];
                if (found[k] == Exact || raw.Length != key.Length || !Ascii.EqualsIgnoreCase(raw, key))
                {
                    continue;
                }

                if (Ascii.Equals(raw, key))
                {
                    fields[k] = member.Value;
                    found[k] = Exact;
                }
                else if (found[k] == 0)
                {
                    fields[k] = member.Value;
                    found[k] = IgnoringCase;
                }
            }
        }
    }

    private void ReadItemMembers(RawValue item, Span<RawValue> fields, Span<byte> found)
    {
        found.Clear();
        _item.ReadNested(_buffer, item.Start, item.Length);
        for (var k = 0; k < ItemKeys.Length; k++)
        {
            if (_item.TryGet(ItemKeys[k], out var member))
            {
                fields[k] = new RawValue(member.Kind, member.ValueStart, member.ValueLength);
                found[k] = Exact;
            }
        }
    }

    /// <summary>Adds <c>Array.Name[.Suffix]</c> with the item's value, unless a field of that name came first.</summary>
    private void AddFlat(int arrayIndex, RawValue itemName, ReadOnlySpan<byte> suffix, RawValue value)
    {
        // The raw pieces are each valid escaped JSON string text, and so is their concatenation.
        var rawArrayName = RawName(arrayIndex);
        var rawItemName = _buffer.AsSpan(itemName.Start + 1, itemName.Length - 2);
        var length = rawArrayName.Length + 1 + rawItemName.Length + suffix.Length;
        if (_flatNames.Length - _flatNamesUsed < length)
        {
            Array.Resize(ref _flatNames, Math.Max(_flatNames.Length * 2, _flatNamesUsed + length));
            rawArrayName = RawName(arrayIndex);
        }

        var start = _flatNamesUsed;
        var name = _flatNames.AsSpan(start, length);
        rawArrayName.CopyTo(name);
        name[rawArrayName.Length] = (byte)'.';
        rawItemName.CopyTo(name[(rawArrayName.Length + 1)..]);
        suffix.CopyTo(name[(rawArrayName.Length + 1 + rawItemName.Length)..]);
        var id = _names.Id(name, escaped: name.IndexOf((byte)'\\') >= 0);
        if (TryAdd(_names.Fold(id), _names.Name(id), start, length, value, out var index))
        {
            _flags[index] = EntryFlags.Flattened;
            _flatNamesUsed += length;
        }
    }

    /// <summary>The item's name: its first Name, Key or DisplayName member that is non-empty text.</summary>
    private static bool NameOf(ReadOnlySpan<RawValue> fields, ReadOnlySpan<byte> found, out RawValue name)
    {
        for (var k = 0; k <= DisplayNameKey; k++)
        {
            if (found[k] != 0 && fields[k].Kind == JsonTokenType.String && fields[k].Length > 2)
            {
                name = fields[k];
                return true;
            }
        }

        name = default;
        return false;
    }
}
