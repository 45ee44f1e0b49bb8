using Jbk.Contracts;

namespace Jbk.Clientenstop.Domain;

/// <summary>Free capacity the other GIs have for one type in the regions of the stop (from capaciteit's availability answer).</summary>
public sealed record Opvang(MaatregelType Type, IReadOnlyDictionary<string, decimal> VrijPerGi);

public sealed record ImpactPerType(MaatregelType Type, decimal InstroomPerWeek, int AantalAfnemers);

public sealed record Impactanalyse(decimal InstroomPerWeek, decimal VrijBijAnderen, decimal? WekenOpvangbaar, IReadOnlyList<ImpactPerType> PerType,
    IReadOnlyList<MaatregelType> TypesZonderAfnemer);

/// <summary>
/// How long can the other GIs absorb the inflow a stop diverts? The expected inflow in scope per week (the average over
/// the past weeks) against the free capacity of the GIs that may take those cases. Free capacity belongs to a GI, not
/// to a type, so each GI's free room is counted once.
/// </summary>
public static class Impact
{
    public static Impactanalyse Bereken(Stop stop, IEnumerable<Instroom> instroom, IReadOnlyList<string> weken, IReadOnlyList<Opvang> opvang)
    {
        var inScope = instroom.Where(i => i.GiCode == stop.GiCode && stop.Regios.Contains(i.Regio) && stop.Types.Contains(i.Type)
            && weken.Contains(i.Week)
            && !(stop.JrUitgezonderd && i.Type == MaatregelType.Jeugdreclassering)
            && !(stop.SpoedUitgezonderd && i.Type == MaatregelType.VoorlopigeOts)).ToList();
        var aantalWeken = Math.Max(1, weken.Count);
        var perType = stop.Types.Where(t => !(stop.JrUitgezonderd && t == MaatregelType.Jeugdreclassering) && !(stop.SpoedUitgezonderd && t == MaatregelType.VoorlopigeOts))
            .Select(t => new ImpactPerType(t, Math.Round((decimal)inScope.Count(i => i.Type == t) / aantalWeken, 2),
                opvang.FirstOrDefault(o => o.Type == t)?.VrijPerGi.Count(g => g.Value > 0) ?? 0)).ToList();
        var vrij = opvang.SelectMany(o => o.VrijPerGi).GroupBy(g => g.Key).Sum(g => Math.Max(0, g.Max(x => x.Value)));
        var perWeek = perType.Sum(p => p.InstroomPerWeek);
        return new Impactanalyse(perWeek, vrij, perWeek == 0 ? null : Math.Round(vrij / perWeek, 1), perType,
            perType.Where(p => p.InstroomPerWeek > 0 && p.AantalAfnemers == 0).Select(p => p.Type).ToList());
    }
}
