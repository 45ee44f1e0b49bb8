using Jbk.BuildingBlocks.Telemetry;
using Jbk.Capaciteit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.Capaciteit.Persistence;

/// <summary>Capaciteit's figures for operators, from its register: per GI and per region, counts only.</summary>
public sealed class CapaciteitStand(TimeProvider klok) : IStandbron
{
    public string Dienst => "capaciteit";

    public IReadOnlyList<Standmaat> Maten { get; } =
    [
        new("jbk.gi.capaciteit", "Gewogen maatregelen die de GI met haar inzetbare bezetting en caseloadnorm kan dragen", "gi", "soort"),
        new("jbk.gi.belasting", "Gewogen lopende maatregelen van de GI (in het platform plus wat haar caseloadrapportage daarbuiten telt)", "gi", "soort"),
        new("jbk.gi.belasting.buiten.platform", "Gewogen maatregelen uit de caseloadrapportage van de GI die het platform niet kent", "gi", "soort"),
        new("jbk.gi.caseload.rapportage.dagen", "Dagen sinds de peildatum van de nieuwste caseloadrapportage van de GI (-1: nooit gerapporteerd)", "gi", "soort"),
        new("jbk.gi.gereserveerd", "Gewogen capaciteit die de GI vasthoudt voor inkomende overdrachten", "gi", "soort"),
        new("jbk.gi.vrij", "Vrije gewogen capaciteit van de GI (capaciteit - belasting - gereserveerd; negatief = boven de norm)", "gi", "soort"),
        new("jbk.gi.mag.aannemen", "1 als het certificaat van de GI nieuwe maatregelen toestaat, anders 0", "gi", "soort"),
        new("jbk.gi.certificaat.dagen.resterend", "Dagen tot het laatste vandaag geldige certificaat van de GI eindigt (0 zonder geldig certificaat)", "gi", "soort"),
        new("jbk.regio.vrij", "Vrije gewogen capaciteit van de regionale GI's die in de regio nieuwe zaken mogen aannemen", "regio"),
        new("jbk.maatregelen.lopend", "Lopende maatregelen per GI, regio en type", "gi", "regio", "type"),
    ];

    public async Task<IReadOnlyList<Standwaarde>> MeetAsync(IServiceProvider diensten, CancellationToken ct)
    {
        var dag = DateOnly.FromDateTime(klok.GetUtcNow().UtcDateTime);
        var standen = await diensten.GetRequiredService<CapaciteitStanden>().OpAsync(dag, ct);
        var db = diensten.GetRequiredService<CapaciteitDbContext>();
        var certificaten = await db.Certificaten.AsNoTracking().ToListAsync(ct);
        var lopend = await db.LopendeMaatregelen.AsNoTracking().Where(m => m.Lopend)
            .GroupBy(m => new { m.GiCode, m.Regio, m.Type }).Select(g => new { g.Key.GiCode, g.Key.Regio, g.Key.Type, Aantal = g.Count() })
            .ToListAsync(ct);

        var waarden = new List<Standwaarde>();
        foreach (var s in standen)
        {
            (string, string)[] gi = [("gi", s.Gi.Code), ("soort", s.Gi.Soort.ToString().ToLowerInvariant())];
            waarden.Add(Standwaarde.Van("jbk.gi.capaciteit", s.Capaciteit, gi));
            waarden.Add(Standwaarde.Van("jbk.gi.belasting", (double)s.GewogenBelasting, gi));
            waarden.Add(Standwaarde.Van("jbk.gi.belasting.buiten.platform", (double)s.Caseload.GewogenBuitenPlatform, gi));
            waarden.Add(Standwaarde.Van("jbk.gi.caseload.rapportage.dagen", s.Caseload.Peildatum is { } p ? dag.DayNumber - p.DayNumber : -1, gi));
            waarden.Add(Standwaarde.Van("jbk.gi.gereserveerd", (double)s.Gereserveerd, gi));
            waarden.Add(Standwaarde.Van("jbk.gi.vrij", (double)s.Vrij, gi));
            waarden.Add(Standwaarde.Van("jbk.gi.mag.aannemen", s.Certificaat.Toegestaan ? 1 : 0, gi));
            waarden.Add(Standwaarde.Van("jbk.gi.certificaat.dagen.resterend", CertificaatLooptijd.DagenResterend(s.Gi.Code, certificaten, dag), gi));
        }
        waarden.AddRange(RegioCapaciteit.AlleRegios.Select(r => Standwaarde.Van("jbk.regio.vrij", (double)RegioCapaciteit.Vrij(r, standen), ("regio", r))));
        waarden.AddRange(lopend.Select(l => Standwaarde.Van("jbk.maatregelen.lopend", l.Aantal,
            ("gi", l.GiCode), ("regio", l.Regio), ("type", l.Type.ToString().ToLowerInvariant()))));
        return waarden;
    }
}
