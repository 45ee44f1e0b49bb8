using Jbk.Contracts;
using Jbk.Planning;

namespace Jbk.Simulatie;

/// <summary>
/// The seeds' plan B: JBN's running measures in Drenthe to JB Friesland (small), JB Overijssel, William Schrikker and
/// Leger des Heils, within a six-month beëindigingscertificaat. The caseload is synthetic: generated from the seeds'
/// numbers (388 running measures in 2024, the 2023 mix of OTS 293, voogdij 113, JR 160, MUHP 121), with families of
/// siblings and an LVB share. No real personal data anywhere. Deterministic for a seed.
/// </summary>
public static class DrentheScenario
{
    /// <param name="verlengd">The beëindigingscertificaat extended once, by six months.</param>
    public static Scenario Scenario(DateOnly start, double schaal = 1.0, bool verlengd = false) => new(
        "JBN", ["drenthe"],
        [
            // Regional GIs of the neighbouring provinces: Drenthe adds them to its contract ("if other GIs can be added").
            // No ceilings of their own: on the platform their free capacity comes from capaciteit (staffing against the
            // caseload they report; the rehearsal's figures are Simulatie's Ketenstand). The free capacity here is what
            // those figures give, for planning without a platform (a unit test holds the two equal).
            new("JBF", Schaal(75, schaal), Week(4, schaal), null, GiSoort.Regionaal, [], AlleTypes, true, ["friesland", "drenthe"]),
            new("JBO", Schaal(265, schaal), Week(13, schaal), null, GiSoort.Regionaal, [], AlleTypes, true, ["overijssel", "drenthe"]),
            new("WSS", Schaal(95, schaal), Week(5, schaal), null, GiSoort.Landelijk, ["lvb"], AlleTypes, true, []),
            new("LJR", Schaal(65, schaal), Week(4, schaal), null, GiSoort.Landelijk, ["complexe-multiproblematiek", "levensovertuiging"], AlleTypes, true, []),
        ],
        // As capaciteit dates the certificate: six months, an extension adds six to its end.
        start, verlengd ? start.AddMonths(6).AddMonths(6) : start.AddMonths(6),
        [new MeegaandeMedewerker("jb-03", "JBO"), new MeegaandeMedewerker("jb-07", "JBO"), new MeegaandeMedewerker("jb-11", "JBF")],
        Week(25, schaal),
        // Five percent of each receiver's room stays free for families that are refused and planned again.
        Herplanreserve: 0.05);

    private static readonly MaatregelType[] AlleTypes = Enum.GetValues<MaatregelType>();

    /// <summary>Three children, each with an OTS and an MUHP: a family moves whole, in one week, to one receiver.</summary>
    private const int GrootsteGezin = 6;

    /// <summary>A figure scaled down with the caseload, but never below the largest family (else a small rehearsal cannot place it).</summary>
    private static int Schaal(int waarde, double schaal) => Math.Max(GrootsteGezin, (int)Math.Ceiling(waarde * schaal));

    private static int Week(int waarde, double schaal) => Schaal(waarde, schaal);

    /// <summary>A synthetic caseload of <paramref name="aantal"/> running measures in the 2023 mix.</summary>
    public static IReadOnlyList<TePlaatsen> Caseload(int aantal, DateOnly start, int seed = 2024)
    {
        var random = new Random(seed);
        // 2023 mix: OTS 293, voogdij 113, JR 160 (566 children's measures), and an MUHP for 121 of the 293 OTS.
        var maatregelen = new List<TePlaatsen>();
        var jeugdbeschermers = Math.Max(1, aantal / 13);
        Guid Id() => new(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray());
        while (maatregelen.Count < aantal)
        {
            var gezin = Id();
            var kinderen = random.NextDouble() switch { < 0.65 => 1, < 0.9 => 2, _ => 3 };
            var doelgroepen = random.NextDouble() switch
            {
                < 0.18 => new[] { "lvb" },
                < 0.27 => new[] { "complexe-multiproblematiek" },
                _ => Array.Empty<string>(),
            };
            var jb = $"jb-{random.Next(1, jeugdbeschermers + 1):D2}";
            for (var k = 0; k < kinderen && maatregelen.Count < aantal; k++)
            {
                var kans = random.NextDouble();
                var type = kans < 293.0 / 566 ? MaatregelType.Ots : kans < 406.0 / 566 ? MaatregelType.Voogdij : MaatregelType.Jeugdreclassering;
                var termijn = type == MaatregelType.Voogdij ? (DateOnly?)null : start.AddDays(random.Next(14, 400));
                maatregelen.Add(new TePlaatsen(Id(), gezin, type, "drenthe", doelgroepen, jb, termijn));
                if (type == MaatregelType.Ots && maatregelen.Count < aantal && random.NextDouble() < 121.0 / 293)
                    maatregelen.Add(new TePlaatsen(Id(), gezin, MaatregelType.Muhp, "drenthe", doelgroepen, jb, start.AddDays(random.Next(14, 90))));
            }
        }
        return maatregelen;
    }
}
