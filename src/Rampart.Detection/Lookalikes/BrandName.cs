namespace Rampart.Detection.Lookalikes;

/// <summary>
/// One name of a brand as it appears in a domain label (<c>hotmail</c> of hotmail.com). A generic
/// name is an ordinary word too (<c>live</c>, <c>office</c>, <c>apple</c>, <c>outlook</c>): it counts
/// only as a glyph trick or next to credential wording, never as a typo, or every <c>love.com</c> and
/// <c>olive-oil.com</c> would be flagged.
/// </summary>
public sealed record BrandName(string Label, string Domain, bool Generic = false);
