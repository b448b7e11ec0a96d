namespace Rampart.Core.Identity;

/// <summary>What a user may do: readers read, analysts also change intel, admins also manage users and keys.</summary>
public enum Role
{
    Reader,
    Analyst,
    Admin,
}
