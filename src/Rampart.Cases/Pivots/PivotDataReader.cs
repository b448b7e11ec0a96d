namespace Rampart.Cases.Pivots;

/// <summary>The one entry point for pivot data files, by format.</summary>
public static class PivotDataReader
{
    public static PivotReadResult Read(PivotDataFormat format, TextReader reader, string file) => format switch
    {
        PivotDataFormat.Whois => WhoisReader.Read(reader, file),
        PivotDataFormat.PassiveDns => PassiveDnsReader.Read(reader, file),
        PivotDataFormat.Certificates => CertificateNamesReader.Read(reader, file),
    };
}
