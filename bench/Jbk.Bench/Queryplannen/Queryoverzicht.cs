namespace Jbk.Bench.Queryplannen;

/// <summary>
/// One statement of a service (same database, same text: EF Core sends its parameters apart), over all its executions:
/// how often, the scans its plans took, the rows its scans and joins threw away, the rows its sequential scans read,
/// and how often it read through a table (<see cref="Doorzoekregel"/>, with the worst such scan).
/// </summary>
public sealed record Queryoverzicht(string Database, string Tekst, int Keren, IReadOnlyList<string> Scans, long Weggegooid,
    long SequentieelGelezen, int KerenDoorgelezen, Scan? Ergste)
{
    public static IReadOnlyList<Queryoverzicht> Van(IEnumerable<Uitvoering> uitvoeringen) =>
        [.. uitvoeringen.GroupBy(u => (u.Database, u.Tekst)).Select(g =>
        {
            var perKeer = g.Select(u => u.Scans()).ToList();
            var alle = perKeer.SelectMany(s => s).ToList();
            return new Queryoverzicht(g.Key.Database, g.Key.Tekst, perKeer.Count,
                [.. alle.Select(s => s.ToString()).Distinct().Order(StringComparer.Ordinal)],
                alle.Sum(s => s.Weggegooid),
                alle.Where(s => s.Sequentieel).Sum(s => s.Gehouden + s.Weggegooid),
                perKeer.Count(s => s.Any(Doorzoekregel.LeestDoor)),
                alle.Where(Doorzoekregel.LeestDoor).MaxBy(s => s.Weggegooid));
        }).OrderBy(q => q.Database, StringComparer.Ordinal).ThenByDescending(q => q.Weggegooid)];

    /// <summary>The statement on one line, shortened: enough to find it in the code.</summary>
    public string Kort(int lengte = 160)
    {
        var tekst = string.Join(' ', Tekst.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return tekst.Length <= lengte ? tekst : tekst[..lengte] + "...";
    }
}
