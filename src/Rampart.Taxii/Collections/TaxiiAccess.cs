using Rampart.Core.Markings;

namespace Rampart.Taxii.Collections;

/// <summary>
/// One user's rights on one collection, from their grants: the union of read and write, the highest
/// clearance. Admins may read every collection up to its ceiling and write every inbox.
/// </summary>
public sealed record TaxiiAccess(bool CanRead, bool CanWrite, Tlp Clearance)
{
    public static TaxiiAccess None { get; } = new(false, false, Tlp.Clear);

    public bool Any => CanRead || CanWrite;

    public static TaxiiAccess For(TaxiiCollection collection, string userName, bool isAdmin, IEnumerable<TaxiiGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(grants);
        var access = isAdmin ? new TaxiiAccess(true, collection.Writable, collection.Ceiling) : None;
        foreach (var grant in grants)
        {
            if (grant.CollectionId != collection.Id
                || !(grant.Grantee == TaxiiGrant.Everyone || string.Equals(grant.Grantee, userName, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            access = new TaxiiAccess(
                access.CanRead || grant.CanRead,
                access.CanWrite || (grant.CanWrite && collection.Writable),
                (Tlp)Math.Max((int)access.Clearance, (int)grant.Clearance));
        }

        return access;
    }
}
