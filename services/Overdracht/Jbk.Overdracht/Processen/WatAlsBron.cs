using Jbk.BuildingBlocks.Errors;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Planning.WatAls;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.Overdracht.Processen;

/// <summary>
/// The what-if model's input from the platform itself: the sending GI's running measures in the regions with their
/// end dates and whether each has a vaste jeugdbeschermer (maatregelregistratie), the inflow of new measures per week
/// (the registry's counts), and every GI's effective staff, norm and load (capaciteit). Counts and end weeks only.
/// </summary>
public sealed class WatAlsBron(
    [FromKeyedServices(OverdrachtModule.DienstNaam)] MaatregelService.MaatregelServiceClient maatregelen,
    [FromKeyedServices(OverdrachtModule.DienstNaam)] CapaciteitService.CapaciteitServiceClient capaciteit)
{
    public async Task<(WatAlsInvoer Invoer, IReadOnlyList<string> Aannames)> HaalAsync(
        string gi, IReadOnlyList<string> regios, DateOnly start, int instroomWeken, WatAlsInstellingen instellingen, CancellationToken ct)
    {
        var eindweken = new List<int?>();
        var wachtend = 0;
        foreach (var regio in regios)
        {
            var pagina = "";
            do
            {
                var zoek = await maatregelen.ZoekMaatregelenAsync(new ZoekMaatregelenRequest
                {
                    GiCode = gi, Regio = regio, Status = MaatregelStatus.Lopend, PageSize = 500, PageToken = pagina,
                }, cancellationToken: ct);
                foreach (var m in zoek.Maatregelen)
                {
                    eindweken.Add(m.Einddatum.ToDateOnly() is { } einde ? Math.Max(0, (einde.DayNumber - start.DayNumber) / 7) is var w && w < instellingen.Weken ? w : null : null);
                    if (m.HuidigeToewijzing is not { Soort: ToewijzingSoort.Vast }) wachtend++;
                }
                pagina = zoek.NextPageToken;
            }
            while (!string.IsNullOrEmpty(pagina));
        }

        var nieuw = 0;
        foreach (var regio in regios)
        {
            var instroom = await maatregelen.GeefInstroomPerWeekAsync(new GeefInstroomPerWeekRequest
            {
                Regio = regio, Van = start.AddDays(-7 * instroomWeken).ToProto(), Tot = start.ToProto(),
            }, cancellationToken: ct);
            nieuw += instroom.Weken.Sum(w => w.Aantal);
        }

        var aannames = new List<string>();
        var overzicht = await capaciteit.GeefCapaciteitsoverzichtAsync(new GeefCapaciteitsoverzichtRequest(), cancellationToken: ct);
        var zender = overzicht.Gis.SingleOrDefault(x => x.GiCode == gi) ?? throw new NietGevondenException("GI", gi, $"{gi} staat niet in het register van capaciteit.");
        if (zender.Norm <= 0)
            throw new RegelGeschondenException("BezettingBekend", $"{gi} heeft geen bezetting gemeld; zonder fte en norm kan het model de scenario's niet doorrekenen (capaciteit.StelBezettingIn).");
        var gis = new List<WatAlsGi>();
        foreach (var x in overzicht.Gis.OrderBy(x => x.GiCode, StringComparer.Ordinal))
        {
            if (x.Norm <= 0) { aannames.Add($"{x.GiCode} meldde geen bezetting en doet in de scenario's niet mee."); continue; }
            // Capaciteit counts weighted measures; the model counts the sender's regional measures one by one on top of the rest.
            var eigen = x.GiCode == gi ? Math.Max(0, x.Belasting - eindweken.Count) : x.Belasting;
            gis.Add(new WatAlsGi(x.GiCode, x.FteEffectief, x.Norm, eigen, instellingen.VerloopPerWeek, x.FteEffectief * instellingen.VerloopPerWeek));
        }
        aannames.Add($"Instroom: {nieuw} nieuwe maatregelen in {string.Join(", ", regios)} in de {instroomWeken} weken voor {start:yyyy-MM-dd}.");
        return (new WatAlsInvoer(start, instellingen.Weken, gi, eindweken, wachtend, nieuw / (double)instroomWeken, instellingen.GemiddeldeDuurWeken, gis), aannames);
    }
}
