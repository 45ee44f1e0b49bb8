namespace Jbk.Capaciteit.Domain;

/// <summary>
/// The certificate gate others call: on a date, may this GI take new measures or incoming transfers?
/// Only with a regular or bridging certificate valid that day; a wind-down certificate lets a GI finish
/// nothing new, only hand over.
/// </summary>
public static class CertificaatPoort
{
    public sealed record Uitkomst(bool Toegestaan, string Reden);

    public static Uitkomst MagNieuwAannemen(string gi, IEnumerable<Certificaat> certificaten, DateOnly dag)
    {
        var geldig = certificaten.Where(c => c.GiCode == gi && c.GeldigOp(dag)).ToList();
        if (geldig.Any(c => c.Soort is CertificaatSoort.Regulier or CertificaatSoort.Overbrugging))
        {
            var c = geldig.First(c => c.Soort is CertificaatSoort.Regulier or CertificaatSoort.Overbrugging);
            return new(true, $"{Certificaat.Omschrijving(c.Soort)} geldig tot {c.Tot:yyyy-MM-dd}");
        }
        if (geldig.FirstOrDefault(c => c.Soort == CertificaatSoort.Beeindiging) is { } b)
            return new(false, $"{gi} heeft een beëindigingscertificaat (tot {b.Tot:yyyy-MM-dd}): geen nieuwe maatregelen of overdrachten naar {gi}");
        return new(false, $"{gi} heeft op {dag:yyyy-MM-dd} geen geldig certificaat");
    }
}

/// <summary>How long a GI can still work: days until the last of its certificates valid today ends (0 without one).</summary>
public static class CertificaatLooptijd
{
    public static int DagenResterend(string gi, IEnumerable<Certificaat> certificaten, DateOnly dag) =>
        certificaten.Where(c => c.GiCode == gi && c.GeldigOp(dag))
            .Select(c => (c.IngetrokkenOp is { } ingetrokken && ingetrokken < c.Tot ? ingetrokken : c.Tot).DayNumber - dag.DayNumber)
            .DefaultIfEmpty(0).Max();
}
