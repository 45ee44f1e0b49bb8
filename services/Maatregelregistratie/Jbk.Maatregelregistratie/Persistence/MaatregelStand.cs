using Jbk.BuildingBlocks.Kalender;
using Jbk.BuildingBlocks.Telemetry;
using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.Maatregelregistratie.Persistence;

/// <summary>
/// The system of record's figures for operators, per GI: children waiting for a vaste jeugdbeschermer (and how many
/// working days), and deadlines overdue or due within 14 days per kind. Counts only: no child, no case worker.
/// </summary>
public sealed class MaatregelStand(TermijnBerekening berekening, Werkdagen werkdagen, TimeProvider klok) : IStandbron
{
    /// <summary>"Due soon": the window the dashboards and alerts look ahead.</summary>
    public const int BinnenkortDagen = 14;

    /// <summary>Upper bounds (working days) of the waiting-time buckets, cumulative as Prometheus histograms are.</summary>
    public static readonly int[] WachttijdGrenzen = [5, 10, 15, 20, 40];

    public const string Wachtend = "jbk.maatregelen.wachtend.op.jeugdbeschermer";

    public string Dienst => "maatregelregistratie";

    public IReadOnlyList<Standmaat> Maten { get; } =
    [
        new("jbk.maatregelen.zonder.vaste.jeugdbeschermer", "Lopende maatregelen zonder vaste jeugdbeschermer per GI", "gi"),
        new(Wachtend, "Lopende maatregelen zonder vaste jeugdbeschermer die ten hoogste le werkdagen wachten (cumulatief, per GI)", "gi", "le"),
        new("jbk.termijnen", "Termijnen van lopende maatregelen per GI en soort: verstreken, of open en binnen 14 dagen", "gi", "soort", "stand"),
    ];

    public async Task<IReadOnlyList<Standwaarde>> MeetAsync(IServiceProvider diensten, CancellationToken ct)
    {
        var vandaag = DateOnly.FromDateTime(klok.GetUtcNow().UtcDateTime);
        var db = diensten.GetRequiredService<MaatregelDbContext>();
        var perGi = (await db.Maatregelen.AsNoTracking().Where(m => m.Status == MaatregelStatus.Lopend).ToListAsync(ct))
            .ToLookup(m => m.VerantwoordelijkeGi);

        var waarden = new List<Standwaarde>();
        foreach (var gi in GiRegister.Alle.Select(g => g.Code))
        {
            var vanGi = perGi[gi].ToList();
            var wachttijden = vanGi.Select(m => m.WachtOpVasteJeugdbeschermerSinds).OfType<DateOnly>()
                .Select(sinds => werkdagen.Tussen(sinds, vandaag)).ToList();
            waarden.Add(Standwaarde.Van("jbk.maatregelen.zonder.vaste.jeugdbeschermer", wachttijden.Count, ("gi", gi)));
            foreach (var grens in WachttijdGrenzen)
                waarden.Add(Standwaarde.Van(Wachtend, wachttijden.Count(w => w <= grens), ("gi", gi), ("le", grens.ToString())));
            waarden.Add(Standwaarde.Van(Wachtend, wachttijden.Count, ("gi", gi), ("le", "+Inf")));

            var termijnen = vanGi.SelectMany(berekening.Bereken).ToList();
            foreach (var soort in Enum.GetValues<TermijnSoort>())
            {
                var vanSoort = termijnen.Where(t => t.Soort == soort).ToList();
                var naam = soort.ToString();
                waarden.Add(Standwaarde.Van("jbk.termijnen", vanSoort.Count(t => t.StatusOp(vandaag) == TermijnStatus.Verstreken),
                    ("gi", gi), ("soort", naam), ("stand", "verstreken")));
                waarden.Add(Standwaarde.Van("jbk.termijnen", vanSoort.Count(t => t.VervaltBinnen(vandaag, BinnenkortDagen)),
                    ("gi", gi), ("soort", naam), ("stand", "binnen_14_dagen")));
            }
        }
        return waarden;
    }
}
