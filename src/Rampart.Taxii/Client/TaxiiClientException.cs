namespace Rampart.Taxii.Client;

/// <summary>A TAXII request that failed for good: the status (0 when no answer came) and the server's error title or what went wrong.</summary>
public sealed class TaxiiClientException : Exception
{
    public TaxiiClientException()
    {
    }

    public TaxiiClientException(string message)
        : base(message)
    {
    }

    public TaxiiClientException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TaxiiClientException(int status, string message)
        : base(message) => Status = status;

    public int Status { get; }
}
