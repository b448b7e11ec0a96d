using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// One JSON value of an <see cref="EventRecord"/>: its token kind and where its raw bytes are in the
/// record's buffer (a string with its quotes, an object or array from its bracket to the matching one).
/// </summary>
internal readonly record struct RawValue(JsonTokenType Kind, int Start, int Length)
{
    public bool IsScalar => Kind is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False;
}
