namespace Jbk.Maatregelregistratie.Domain;

/// <summary>The invariant of the responsibility timeline, checkable on any measure.</summary>
public static class Tijdlijn
{
    /// <summary>
    /// EenVerantwoordelijkeGi: the periods start at the measure's start, each ends exactly where the next begins,
    /// none is empty, and the last is open while the measure runs and ends at its end otherwise.
    /// Returns the first violation, or null when the timeline is sound.
    /// </summary>
    public static string? Schending(Maatregel m)
    {
        var perioden = m.Verantwoordelijkheden.OrderBy(v => v.VanUtc).ToList();
        if (perioden.Count == 0) return "geen enkele verantwoordelijke GI";
        if (perioden[0].VanUtc != Maatregel.Moment(m.Startdatum)) return "de eerste periode begint niet bij de start van de maatregel";
        for (var i = 0; i < perioden.Count; i++)
        {
            var p = perioden[i];
            var laatste = i == perioden.Count - 1;
            if (!laatste && p.TotUtc != perioden[i + 1].VanUtc) return $"gat of overlap na periode {i + 1} ({p.GiCode})";
            if (p.TotUtc is { } tot && tot <= p.VanUtc) return $"lege periode {i + 1} ({p.GiCode})";
            if (laatste && m.IsLopend && p.TotUtc is not null) return "lopende maatregel zonder verantwoordelijke GI aan het eind";
            if (laatste && !m.IsLopend && p.TotUtc != Maatregel.Moment(m.BeeindigdOp!.Value)) return "de laatste periode sluit niet bij het einde";
        }
        return perioden[^1].GiCode == m.VerantwoordelijkeGi ? null : "de opgeslagen verantwoordelijke GI wijkt af van de tijdlijn";
    }
}
