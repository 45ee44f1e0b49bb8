using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.Persistence;
using Jbk.Overdracht.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.Overdracht.Processen;

/// <summary>Reads what the continuity report judges from: maatregelregistratie, capaciteit and the scenario's own handovers.</summary>
public sealed class Rapportbronnen(
    OverdrachtDbContext db,
    [FromKeyedServices(OverdrachtModule.DienstNaam)] MaatregelService.MaatregelServiceClient maatregelen,
    [FromKeyedServices(OverdrachtModule.DienstNaam)] CapaciteitService.CapaciteitServiceClient capaciteit)
{
    private const int Pagina = 500;

    // The scenario's handovers in one read up to national scale: for a part of them PostgreSQL reads their history and
    // checks whole all the same (a hash join), so reading them 500 at a time read those tables once per part (bench queryplannen).
    private const int OverdrachtenPerLezing = 10_000;

    public async Task<Bronnen> LeesAsync(ScenarioUitvoering u, IReadOnlyList<ScenarioPlaatsing> rijen, CancellationToken ct)
    {
        var ids = ScenarioPlaatsing.OverdrachtenVan(u.Id, rijen.Select(p => (p.GezinId, p.Poging, p.OverdrachtId)).ToList());
        var overdrachten = new Dictionary<Guid, Domain.Overdracht>();
        foreach (var deel in ids.Chunk(OverdrachtenPerLezing))
            foreach (var o in await db.Overdrachten.AsNoTracking().Where(o => deel.Contains(o.Id)).ToListAsync(ct))
                overdrachten[o.Id] = o;

        var registratie = (await Gezinsmaatregelen.LeesAsync(maatregelen, rijen.Select(p => p.GezinId), ct)).ToList();
        foreach (var regio in u.Definitie.Regios)
        {
            var zoek = new ZoekMaatregelenRequest
            {
                GiCode = u.VerzendendeGi, Regio = regio, Status = Maatregelen.V1.MaatregelStatus.Lopend, PageSize = Pagina, MetDoelgroepen = true,
            };
            do
            {
                var antwoord = await maatregelen.ZoekMaatregelenAsync(zoek, cancellationToken: ct);
                registratie.AddRange(antwoord.Maatregelen);
                zoek.PageToken = antwoord.NextPageToken;
            } while (zoek.PageToken.Length > 0);
        }

        var instellingen = await Instellingenregister.LeesAsync(capaciteit, ct);
        var cijfers = (await capaciteit.GeefCapaciteitsoverzichtAsync(new GeefCapaciteitsoverzichtRequest(), cancellationToken: ct)).Gis
            .GroupBy(g => g.GiCode)
            .ToDictionary(g => g.Key, g => new Capaciteitsstand(g.Key, g.First().Capaciteit, g.First().Belasting, g.First().Gereserveerd));

        var geregistreerd = registratie.DistinctBy(m => m.Id).Select(Lees).ToList();
        var certificaten = new Dictionary<(string, DateOnly), Certificering>();
        var wisselingen = geregistreerd.SelectMany(m => m.Tijdlijn).Where(p => p.OverdrachtId is { } o && overdrachten.ContainsKey(o))
            .Select(p => (p.GiCode, DateOnly.FromDateTime(p.VanUtc))).Distinct();
        foreach (var (gi, dag) in wisselingen)
        {
            var status = await capaciteit.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = gi, Datum = dag.ToProto() }, cancellationToken: ct);
            certificaten[(gi, dag)] = new Certificering(status.MagNieuwAannemen, status.Reden, status.Regios.ToList());
        }
        return new Bronnen(geregistreerd, overdrachten, instellingen, cijfers, certificaten);
    }

    private static GeregistreerdeMaatregel Lees(Maatregelen.V1.Maatregel m) => new(
        Guid.Parse(m.Id), Guid.Parse(m.GezinId), MaatregelTypeMapping.FromProto(m.Type) ?? throw new InvalidOperationException($"Onbekend type van maatregel {m.Id}."),
        m.Regio, m.Status == Maatregelen.V1.MaatregelStatus.Lopend,
        m.Verantwoordelijkheden.Select(v => new Periode(v.GiCode, v.Van.ToDateTime(), v.Tot?.ToDateTime(),
            Guid.TryParse(v.OverdrachtId, out var o) ? o : null)).ToList(),
        m.Toewijzingen.Select(t => new Inzet(t.GiCode, t.Soort == ToewijzingSoort.Vast, t.Van.ToDateOnly()!.Value, t.Tot.ToDateOnly())).ToList(),
        m.Termijnen.Select(t => new RegistratieTermijn(t.Soort.ToString(), t.Uiterlijk.ToDateOnly()!.Value, t.VoldaanOp.ToDateOnly())).ToList(),
        m.Doelgroepen.ToList());
}
