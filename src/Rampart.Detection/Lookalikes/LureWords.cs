using System.Collections.Frozen;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// Word lists the screen uses besides brands. Credential words are what lures put next to a brand
/// or use alone (THALLIUM's <c>change-pw.com</c>, <c>login-use.com</c>); lure words are ordinary
/// words a glyph trick disguises (<c>dovvn-mail</c> is "down-mail" with vv for w).
/// </summary>
public static class LureWords
{
    public static readonly FrozenSet<string> Credential = FrozenSet.Create(StringComparer.Ordinal,
        "login", "logon", "signin", "sign", "signon", "verify", "verification", "verified", "secure", "security", "account", "accounts",
        "365", "support", "help", "helpdesk", "update", "updates", "mail", "webmail", "email", "mailbox", "auth", "sso", "password",
        "passwd", "pw", "pwd", "reset", "recovery", "recover", "change", "confirm", "validate", "validation", "unlock", "locked",
        "suspended", "alert", "notice", "notification", "session", "sessions", "profile", "credential", "credentials", "user", "users",
        "customer", "service", "services", "portal", "access", "team", "teams", "drive", "docs", "doc", "document", "documents",
        "file", "files", "share", "shared", "sharefile", "storage", "cloud", "billing", "pay", "payment", "invoice", "admin",
        "check", "activity", "activities", "use", "authenticate", "authentication", "identity", "certificate", "manage", "inbox",
        "verify365", "protect", "protection", "owa");

    /// <summary>
    /// The narrower account-takeover vocabulary a generic brand name (live, office, apple) needs next
    /// to it: <c>live-login</c> is a lure, <c>fortnite-storage-live</c> is not.
    /// </summary>
    public static readonly FrozenSet<string> Account = FrozenSet.Create(StringComparer.Ordinal,
        "login", "logon", "signin", "signon", "verify", "verification", "secure", "security", "account", "accounts", "password",
        "passwd", "pw", "pwd", "reset", "recovery", "auth", "sso", "webmail", "mailbox", "owa", "unlock", "suspended", "confirm",
        "validate", "validation", "session", "credential", "credentials", "365", "update", "mail", "support", "helpdesk",
        "portal", "billing", "service");

    /// <summary>
    /// Filler that glues words together in combosquats (<c>microsoftcom</c>, <c>wwwmicrosoft</c>,
    /// <c>office356-us</c>): enough to make a brand token a combosquat, too weak to score as wording.
    /// </summary>
    public static readonly FrozenSet<string> Filler = FrozenSet.Create(StringComparer.Ordinal,
        "www", "com", "net", "org", "co", "us", "en", "kr", "jp", "uk", "my", "new", "info", "online", "web", "app", "apps", "official",
        "center", "centre", "desk", "site", "page", "home", "live", "sync", "box", "safe", "id", "corp", "inc", "group", "global", "s");

    /// <summary>Words a glyph trick is often used to disguise when no brand is involved.</summary>
    public static readonly FrozenSet<string> Disguised = FrozenSet.Create(StringComparer.Ordinal,
        "down", "download", "mail", "login", "docs", "document", "drive", "cloud", "secure", "account", "verify", "admin", "webmail",
        "update", "support", "inbox", "mailbox", "outlook", "office", "microsoft");

    /// <summary>Cheap top-level domains phishing favours (Spamhaus, Interisle reports); a signal, not proof.</summary>
    public static readonly FrozenSet<string> SuspiciousTlds = FrozenSet.Create(StringComparer.Ordinal,
        "zip", "mov", "xyz", "top", "icu", "click", "link", "online", "site", "website", "space", "club", "work", "support", "buzz",
        "rest", "cam", "monster", "gq", "ml", "cf", "tk", "ga", "country", "kim", "men", "loan", "date", "racing", "review", "win",
        "bid", "stream", "download", "party", "trade", "science", "accountant", "cricket", "faith", "host", "cyou", "cfd", "sbs",
        "lol", "quest", "autos", "boats", "bond", "beauty", "hair", "skin", "makeup", "mom", "shop", "store", "live", "today", "life");
}
