namespace Jbk.Contracts;

/// <summary>
/// RegioOfDoelgroep: a regional GI takes a measure only in a region it has a contract in; a national GI only a child
/// of its doelgroep. One rule for the RvdK's availability question, the continuity checks of a handover and the planner.
/// </summary>
public static class RegioOfDoelgroep
{
    public static bool Past(GiSoort soort, IEnumerable<string> giDoelgroepen, IEnumerable<string> gecontracteerdeRegios, string regio,
        IEnumerable<string> doelgroepen) =>
        soort == GiSoort.Landelijk ? giDoelgroepen.Intersect(doelgroepen).Any() : gecontracteerdeRegios.Contains(regio);
}
