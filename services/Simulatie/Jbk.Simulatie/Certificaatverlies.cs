using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;

namespace Jbk.Simulatie;

/// <summary>
/// What KMI does when a GI's certificate is not renewed, played through capaciteit's public API as the operator: the
/// certificates it holds are withdrawn on the date and a beëindigingscertificaat starts, once extended when asked.
/// The scenario's deadline then follows from that certificate. Doing it again changes nothing.
/// </summary>
public static class Certificaatverlies
{
    public static async Task<Certificaat> VerliesAsync(Kanalen k, string gi, DateOnly op, bool verlengd, CancellationToken ct = default)
    {
        var capaciteit = k.CapaciteitClient(Organisatie.Operator);
        var status = await capaciteit.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = gi, Datum = op.ToProto() }, cancellationToken: ct);
        // Also one that would only start later: the GI is not certified again until an audit says so.
        foreach (var c in status.Certificaten.Where(c => c.Soort != CertificaatSoort.Beeindiging && NogNietVoorbij(c, op)))
            await capaciteit.TrekCertificaatInAsync(new TrekCertificaatInRequest { CertificaatId = c.Id, Op = op.ToProto() }, cancellationToken: ct);

        var beeindiging = status.Certificaten.FirstOrDefault(c => c.Soort == CertificaatSoort.Beeindiging && GeldigOp(c, op))
            ?? (await capaciteit.RegistreerCertificaatAsync(new RegistreerCertificaatRequest
            {
                GiCode = gi, Soort = CertificaatSoort.Beeindiging, Van = op.ToProto(),
            }, cancellationToken: ct)).Certificaat;
        if (verlengd && beeindiging.Verlengingen == 0)
            beeindiging = (await capaciteit.VerlengCertificaatAsync(new VerlengCertificaatRequest { CertificaatId = beeindiging.Id }, cancellationToken: ct)).Certificaat;
        return beeindiging;
    }

    private static bool NogNietVoorbij(Certificaat c, DateOnly dag) =>
        dag < c.Tot.ToDateOnly() && (c.IngetrokkenOp.ToDateOnly() is not { } ingetrokken || dag < ingetrokken);

    private static bool GeldigOp(Certificaat c, DateOnly dag) => c.Van.ToDateOnly() <= dag && NogNietVoorbij(c, dag);
}
