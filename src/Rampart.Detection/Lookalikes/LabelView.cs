namespace Rampart.Detection.Lookalikes;

/// <summary>
/// One label as screened: how a person reads it (<see cref="Display"/>, Unicode for IDN labels),
/// where it starts in the displayed name, and its ASCII approximation <see cref="Pre"/> (confusables
/// mapped, accents dropped) with <see cref="PreMap"/> from each <see cref="Pre"/> index to a
/// <see cref="Display"/> index (one more entry than <see cref="Pre"/> has characters).
/// </summary>
internal sealed record LabelView(string Ascii, string Display, int Offset, string Pre, int[] PreMap, bool IsUnicode)
{
    public static LabelView Plain(string label, int offset)
    {
        var map = new int[label.Length + 1];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = i;
        }

        return new LabelView(label, label, offset, label, map, IsUnicode: false);
    }
}
