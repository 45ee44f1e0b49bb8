using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;

namespace Jbk.Simulatie;

/// <summary>
/// What the Drenthe receivers report before plan B starts, as GIs report it: their staffing and their monthly caseload
/// per region and type (counts only). Plausible, not real: JBN's seeds (81 FTE, 10.4 sick, 9 in training, ~935
/// measures a year) set the order of size; "Friesland is hardly bigger than JBN and can take only a few"; JB Overijssel
/// is about twice JBN; the national GIs (WSS, LJ&amp;R) carry thousands of cases spread over the country, most of them in
/// the Randstad. With these figures capaciteit, not the scenario, decides how much each receiver can take.
/// </summary>
public static class Ketenstand
{
    public sealed record Rapportage(string GiCode, decimal Fte, decimal FteZiek, decimal FteInOpleiding, IReadOnlyList<(string Regio, MaatregelType Type, int Aantal)> Caseload);

    private static (string, MaatregelType, int)[] Regio(string regio, int ots, int muhp, int voogdij, int jr) =>
        [(regio, MaatregelType.Ots, ots), (regio, MaatregelType.Muhp, muhp), (regio, MaatregelType.Voogdij, voogdij), (regio, MaatregelType.Jeugdreclassering, jr)];

    /// <summary>The receivers at full size: free weighted capacity (norm 15) JBF 75, JBO 265, WSS 95, LJR 65.</summary>
    public static IReadOnlyList<Rapportage> Drenthe { get; } =
    [
        new("JBF", 84m, 8m, 6m, Regio("friesland", 560, 130, 230, 165)),
        new("JBO", 150m, 12m, 10m, Regio("overijssel", 900, 200, 380, 350)),
        new("WSS", 302m, 30m, 20m,
        [
            .. Regio("zuid-holland", 700, 160, 300, 240), .. Regio("noord-holland", 560, 120, 240, 200),
            .. Regio("brabant", 480, 100, 200, 175), .. Regio("gelderland", 300, 60, 120, 100),
        ]),
        new("LJR", 177m, 18m, 12m,
        [
            .. Regio("amsterdam", 420, 90, 170, 260), .. Regio("rotterdam-rijnmond", 380, 80, 150, 240),
            .. Regio("utrecht", 250, 50, 100, 150),
        ]),
    ];

    /// <summary>
    /// Reports the receivers' staffing and caseload, each GI for itself, scaled with the rehearsal's caseload (at least
    /// one FTE). The same figures again change nothing; other figures for the same peildatum correct the report.
    /// </summary>
    public static async Task LaadAsync(Kanalen k, double schaal, DateOnly peildatum, IReadOnlyList<Rapportage>? stand = null, CancellationToken ct = default)
    {
        foreach (var r in stand ?? Drenthe)
        {
            var gi = k.CapaciteitClient(Organisatie.Gi(r.GiCode));
            decimal Fte(decimal fte) => Math.Round(fte * (decimal)schaal, 2);
            await gi.StelBezettingInAsync(new StelBezettingInRequest
            {
                Bezetting = new Bezetting
                {
                    GiCode = r.GiCode, FteTotaal = (double)Math.Max(1m, Fte(r.Fte)), FteZiek = (double)Fte(r.FteZiek), FteInOpleiding = (double)Fte(r.FteInOpleiding),
                    Norm = 15, Opleidingsfactor = 0.5,
                },
            }, cancellationToken: ct);
            var rapport = new RapporteerCaseloadRequest { GiCode = r.GiCode, Peildatum = peildatum.ToProto() };
            rapport.Regels.AddRange(r.Caseload.Select(c => new CaseloadRegel { Regio = c.Regio, Type = c.Type.ToProto(), Aantal = (int)Math.Round(c.Aantal * schaal) }));
            await gi.RapporteerCaseloadAsync(rapport, cancellationToken: ct);
        }
    }

    /// <summary>The last day of the month before <paramref name="dag"/>: the peildatum of the newest monthly report.</summary>
    public static DateOnly Peildatum(DateOnly dag) => new DateOnly(dag.Year, dag.Month, 1).AddDays(-1);
}
