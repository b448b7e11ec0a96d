namespace Rampart.Cases.Rpz;

/// <summary>What a resolver answers for a listed name (RPZ draft, section 3).</summary>
public enum RpzPolicy
{
    /// <summary>Local data: A/AAAA records pointing at the sinkhole, so hits show who still connects.</summary>
    LocalData,

    /// <summary><c>CNAME .</c>: the name does not exist.</summary>
    Nxdomain,

    /// <summary><c>CNAME *.</c>: the name exists with no data.</summary>
    Nodata,
}
