using Jbk.Contracts;

namespace Jbk.Clientenstop.Domain;

/// <summary>
/// A message to the parties of a cliëntenstop (gemeenten of the regions, the RvdK, the court, the GIs that would absorb),
/// written in the same transaction as the step that causes it and sent afterwards by the notification process: a conflict
/// or a crash never sends one for a step that did not happen, and never loses one for a step that did. Organisations and
/// dates only: no child, no person.
/// </summary>
public sealed class Notificatie
{
    private Notificatie() { }

    public Guid Id { get; private set; }
    public long Volgorde { get; private set; }
    public Guid StopId { get; private set; }
    public string GiCode { get; private set; } = "";
    public string Gebeurtenis { get; private set; } = "";
    public string Status { get; private set; } = "";
    public List<string> Partijen { get; private set; } = [];
    public DateTime AangemaaktOpUtc { get; private set; }
    public DateTime? VerzondenOpUtc { get; private set; }
    public int Pogingen { get; private set; }
    public string? LaatsteFout { get; private set; }

    public static Notificatie Over(Stop stop, string gebeurtenis, DateTime nuUtc) => new()
    {
        Id = Guid.NewGuid(), StopId = stop.Id, GiCode = stop.GiCode, Gebeurtenis = gebeurtenis, Status = stop.Status.ToString(),
        Partijen = [.. PartijenVan(stop)], AangemaaktOpUtc = nuUtc,
    };

    /// <summary>The gemeenten of the regions, the RvdK, the court, and the GIs in and around the regions that would absorb.</summary>
    public static IReadOnlyList<string> PartijenVan(Stop stop) =>
        [.. stop.Regios.Select(r => $"gemeenten {r}"), "rvdk", "rechtbank",
         .. GiRegister.Alle.Where(g => g.Code != stop.GiCode && (g.Soort == GiSoort.Landelijk || g.Regios.Intersect(stop.Regios).Any())).Select(g => $"gi:{g.Code}")];

    public void Verzonden(DateTime nuUtc)
    {
        VerzondenOpUtc = nuUtc;
        Pogingen++;
        LaatsteFout = null;
    }

    public void Mislukt(string fout)
    {
        Pogingen++;
        LaatsteFout = fout.Length > 500 ? fout[..500] : fout;
    }
}
