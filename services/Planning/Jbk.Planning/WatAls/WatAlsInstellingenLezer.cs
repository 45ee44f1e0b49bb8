using System.Text.Json;

namespace Jbk.Planning.WatAls;

/// <summary>Reads the scenarios' settings file (the shipped <c>wat-als.json</c>, or one given) and refuses what cannot be meant.</summary>
public static class WatAlsInstellingenLezer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static WatAlsInstellingen Standaard()
    {
        using var stroom = typeof(WatAlsInstellingenLezer).Assembly.GetManifestResourceStream("Jbk.Planning.WatAls.wat-als.json")
            ?? throw new InvalidOperationException("wat-als.json ontbreekt in Jbk.Planning");
        return Lees(new StreamReader(stroom).ReadToEnd(), "wat-als.json (meegeleverd)");
    }

    public static WatAlsInstellingen Lees(string json, string bron)
    {
        WatAlsInstellingen? instellingen;
        try { instellingen = JsonSerializer.Deserialize<WatAlsInstellingen>(json, Json); }
        catch (JsonException e) { throw new ArgumentException($"{bron}: geen geldige instellingen ({e.Message})", e); }
        if (instellingen is null) throw new ArgumentException($"{bron}: leeg");
        var fouten = Fouten(instellingen).ToList();
        return fouten.Count == 0 ? instellingen : throw new ArgumentException($"{bron}: {string.Join("; ", fouten)}");
    }

    private static IEnumerable<string> Fouten(WatAlsInstellingen i)
    {
        if (i.Weken is < 1 or > 520) yield return $"weken {i.Weken} ligt niet tussen 1 en 520";
        if (i.Scenarios.Count == 0) yield return "geen scenario's";
        if (i.VerloopPerWeek is < 0 or > 1) yield return $"verloopPerWeek {i.VerloopPerWeek} ligt niet tussen 0 en 1";
        if (i.GemiddeldeDuurWeken <= 0) yield return "gemiddeldeDuurWeken moet groter dan nul zijn";
        foreach (var s in i.Scenarios)
        {
            string Naam() => $"scenario {s.Code}";
            if (i.Scenarios.Count(x => x.Code == s.Code) > 1) yield return $"{Naam()} komt meer dan eens voor";
            foreach (var (veld, waarde) in new[] { ("personeelMeeAandeel", s.PersoneelMeeAandeel), ("extraVerloopZender", s.ExtraVerloopZender), ("lokaleTeamsAandeel", s.LokaleTeamsAandeel) })
                if (waarde is < 0 or > 1) yield return $"{Naam()}: {veld} {waarde} ligt niet tussen 0 en 1";
            if ((s.OverdrachtVanafWeek is null) != (s.OverdrachtTotWeek is null)) yield return $"{Naam()}: geef overdrachtVanafWeek en overdrachtTotWeek allebei of geen van beide";
            if (s.OverdrachtVanafWeek is { } van && s.OverdrachtTotWeek is { } tot && (van < 0 || tot <= van)) yield return $"{Naam()}: overdracht van week {van} tot {tot} is geen venster";
            if (s.NieuweGi is { } n && (n.DoelFte <= 0 || n.Norm <= 0 || n.OpbouwWeken < 1)) yield return $"{Naam()}: nieuwe GI {n.GiCode} heeft geen fte, norm of opbouwtijd";
            if (s.NieuweGi is { } g && s.Ontvangers.Count > 0 && !s.Ontvangers.Contains(g.GiCode)) yield return $"{Naam()}: nieuwe GI {g.GiCode} staat niet bij de ontvangers";
        }
    }
}
