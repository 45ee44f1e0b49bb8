using Jbk.BuildingBlocks.Errors;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.Scenarios;
using Jbk.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.Overdracht.Processen;

/// <summary>What a scenario asks for, before the platform's figures are added.</summary>
public sealed record ScenarioAanvraag(
    string VerzendendeGi, IReadOnlyList<string> Regios, IReadOnlyList<(string GiCode, int WekelijkseLimiet, int? Plafond)> Ontvangers,
    DateOnly Start, DateOnly? Deadline, IReadOnlyList<MeegaandeMedewerker> MeegaandeMedewerkers, int RechtbankPerWeek, double Herplanreserve);

/// <summary>
/// Takes a scenario's caseload and the receivers' room from the platform itself: the sending GI's running measures
/// in the regions (with doelgroep, case worker and open deadlines) from maatregelregistratie, free capacity, contracts
/// and certificates from capaciteit.
/// </summary>
public sealed class ScenarioBron(
    [FromKeyedServices(OverdrachtModule.DienstNaam)] MaatregelService.MaatregelServiceClient maatregelen,
    [FromKeyedServices(OverdrachtModule.DienstNaam)] CapaciteitService.CapaciteitServiceClient capaciteit)
{
    public async Task<(Scenario Scenario, List<TePlaatsen> Caseload, Dictionary<Guid, IReadOnlyList<string>> Termijnen)> HaalAsync(ScenarioAanvraag a, CancellationToken ct)
    {
        var verzender = await capaciteit.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = a.VerzendendeGi, Datum = a.Start.ToProto() }, cancellationToken: ct);
        var deadline = Afbouwtermijn.Bepaal(a.VerzendendeGi, a.Start, a.Deadline, verzender.Certificaten.Select(Certificaat));
        if (deadline <= a.Start)
            throw new OngeldigeInvoerException("start", $"Het beëindigingscertificaat van {a.VerzendendeGi} eindigt op {deadline:yyyy-MM-dd}, niet na de start {a.Start:yyyy-MM-dd}.");
        var overzicht = await capaciteit.GeefCapaciteitsoverzichtAsync(new GeefCapaciteitsoverzichtRequest(), cancellationToken: ct);
        var register = await Instellingenregister.LeesAsync(capaciteit, ct);
        var ontvangers = new List<Ontvanger>();
        foreach (var (gi, limiet, plafond) in a.Ontvangers)
        {
            var gegevens = register.GetValueOrDefault(gi) ?? throw new NietGevondenException("GI", gi, $"{gi} staat niet in het register van capaciteit.");
            var bijStart = await capaciteit.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = gi, Datum = a.Start.ToProto() }, cancellationToken: ct);
            var bijEinde = await capaciteit.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = gi, Datum = deadline.AddDays(-1).ToProto() }, cancellationToken: ct);
            var vrij = (int)Math.Floor(overzicht.Gis.SingleOrDefault(x => x.GiCode == gi)?.Vrij ?? 0);
            ontvangers.Add(new Ontvanger(gi, Math.Max(0, vrij), limiet, plafond, gegevens.Soort, gegevens.Doelgroepen, gegevens.MaatregelTypes,
                bijStart.MagNieuwAannemen && bijEinde.MagNieuwAannemen, bijStart.Regios.Intersect(bijEinde.Regios).ToList()));
        }
        var scenario = new Scenario(a.VerzendendeGi, a.Regios, ontvangers, a.Start, deadline, a.MeegaandeMedewerkers, a.RechtbankPerWeek, a.Herplanreserve);

        var caseload = new List<TePlaatsen>();
        var termijnen = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var regio in a.Regios)
        {
            var pagina = "";
            do
            {
                var zoek = await maatregelen.ZoekMaatregelenAsync(new ZoekMaatregelenRequest
                {
                    GiCode = a.VerzendendeGi, Regio = regio, Status = MaatregelStatus.Lopend, PageSize = 500, PageToken = pagina, MetDoelgroepen = true,
                }, cancellationToken: ct);
                foreach (var m in zoek.Maatregelen)
                {
                    var open = m.Termijnen.Where(t => t.Status == TermijnStatus.Open)
                        .Select(t => (Soort: t.Soort.ToString(), Uiterlijk: t.Uiterlijk.ToDateOnly()!.Value)).ToList();
                    var id = Guid.Parse(m.Id);
                    termijnen[id] = open.Select(t => $"{t.Soort}|{t.Uiterlijk:yyyy-MM-dd}").ToList();
                    caseload.Add(new TePlaatsen(id, Guid.Parse(m.GezinId), MaatregelTypeMapping.FromProto(m.Type)!.Value, m.Regio, m.Doelgroepen.ToList(),
                        m.HuidigeToewijzing is { Soort: ToewijzingSoort.Vast } t ? t.Wie : null,
                        open.Where(t => t.Uiterlijk >= a.Start).Select(t => (DateOnly?)t.Uiterlijk).Min()));
                }
                pagina = zoek.NextPageToken;
            }
            while (!string.IsNullOrEmpty(pagina));
        }
        return (scenario, caseload, termijnen);
    }

    private static VerzendersCertificaat Certificaat(Capaciteit.V1.Certificaat c) => new(
        c.Soort switch
        {
            CertificaatSoort.Regulier => Certificaatsoort.Regulier,
            CertificaatSoort.Overbrugging => Certificaatsoort.Overbrugging,
            CertificaatSoort.Beeindiging => Certificaatsoort.Beeindiging,
            var onbekend => throw new InvalidOperationException($"Onbekend soort certificaat van capaciteit: {onbekend}."),
        },
        c.Van.ToDateOnly()!.Value, c.Tot.ToDateOnly()!.Value, c.Verlengingen, c.IngetrokkenOp.ToDateOnly());
}
