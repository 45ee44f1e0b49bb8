using Jbk.Contracts;
using Jbk.Planning.WatAls;

namespace Jbk.Simulatie;

/// <summary>
/// The what-if model's input for the Drenthe rehearsal, from the same synthetic data as the rest of the rehearsal:
/// JBN's 388 running measures with their end dates, JBN's Drenthe staff (too few for its caseload, as the seeds
/// describe: children wait for a vaste jeugdbeschermer), and the receivers' staff and caseload as they report them
/// (<see cref="Ketenstand"/>), which leave them the free capacity the Drenthe scenario plans with.
/// </summary>
public static class DrentheWatAls
{
    /// <summary>JBN's productive FTE on its Drenthe caseload: capacity 360 at norm 15 for 388 measures.</summary>
    public const double JbnFte = 24;
    public const double Norm = 15;

    public static WatAlsInvoer Invoer(DateOnly start, int weken = 52)
    {
        var caseload = DrentheScenario.Caseload(388, start);
        var eindweken = caseload.Select(m => m.Type == MaatregelType.Voogdij || m.EersteTermijn is not { } eind ? (int?)null
            : (eind.DayNumber - start.DayNumber) / 7 is var w && w < weken ? w : null).ToList();
        // Steady inflow: as many new measures (extensions included) as the caseload's first year lets end.
        var instroom = eindweken.Count(w => w is not null) / (double)weken;
        var vrij = DrentheScenario.Scenario(start).Ontvangers.ToDictionary(o => o.GiCode, o => o.VrijeCapaciteit);
        var ontvangers = Ketenstand.Drenthe.Select(r =>
        {
            var fte = (double)(r.Fte - r.FteZiek - r.FteInOpleiding * 0.5m);
            const double verloop = 0.003; // about 15 % a year, replaced by hiring
            return new WatAlsGi(r.GiCode, fte, Norm, fte * Norm - vrij[r.GiCode], verloop, fte * verloop);
        });
        var jbn = new WatAlsGi("JBN", JbnFte, Norm, 0, 0.004, JbnFte * 0.004);
        return new WatAlsInvoer(start, weken, "JBN", eindweken, (int)Math.Max(0, caseload.Count - JbnFte * Norm), instroom, 52, [jbn, .. ontvangers]);
    }
}
