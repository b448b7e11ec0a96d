using System.Diagnostics.CodeAnalysis;
using Rampart.Core.Identity;

namespace Rampart.Core.Markings;

/// <summary>
/// The most restricted TLP level a caller may receive over the API (and TAXII). A user is cleared
/// for AMBER unless set otherwise: people inside the organization. An API key gets GREEN unless set:
/// keys end up in other tools, which pass things on. A key never sees more than its owner. RED is
/// never a ceiling: it never leaves, whoever asks.
/// </summary>
public static class TlpCeilings
{
    public const Tlp DefaultUser = Tlp.Amber;

    public const Tlp DefaultApiKey = Tlp.Green;

    public static Tlp Of(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.TlpMax ?? DefaultUser;
    }

    /// <summary>The ceiling of a request made with <paramref name="key"/>: the key's, never above its owner's.</summary>
    public static Tlp Of(User owner, ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keyCeiling = key.TlpMax ?? DefaultApiKey;
        var ownerCeiling = Of(owner);
        return keyCeiling < ownerCeiling ? keyCeiling : ownerCeiling;
    }

    /// <summary>Reads a ceiling as <c>--tlp-max</c> and the API take it; RED is refused with the reason.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Tlp? ceiling, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (!TlpLevels.TryParse(text, out ceiling))
        {
            error = $"'{text}' is not a TLP level; one of clear, green, amber, amber+strict";
            return false;
        }

        if (ceiling == Tlp.Red)
        {
            ceiling = null;
            error = "TLP:RED never leaves, so it cannot be a ceiling; the highest is amber+strict";
            return false;
        }

        return true;
    }
}
