using Jbk.Contracts;

namespace Jbk.Overdracht.Domain;

public enum DocumentSoort
{
    Beschikking = 1,
    PlanVanAanpak = 2,
    Voortgangsverslag = 3,
    SchriftelijkeAanwijzing = 4,
    Veiligheidstaxatie = 5,
    LopendeJeugdhulp = 6,
    NetwerkEnContacten = 7,
    ZittingenEnTermijnen = 8,
}

/// <summary>What a handover dossier must hold per type of measure (domain.md, "A handover dossier holds at least").</summary>
public static class DossierChecklist
{
    private static readonly DocumentSoort[] Kern =
    [
        DocumentSoort.Beschikking, DocumentSoort.PlanVanAanpak, DocumentSoort.Voortgangsverslag, DocumentSoort.Veiligheidstaxatie,
        DocumentSoort.LopendeJeugdhulp, DocumentSoort.NetwerkEnContacten, DocumentSoort.ZittingenEnTermijnen,
    ];

    /// <summary>Written instructions exist only where they were given, so they are never required; everything else is.</summary>
    public static IReadOnlyList<DocumentSoort> Vereist(MaatregelType type) => Kern;

    public static IReadOnlyList<string> Ontbrekend(IEnumerable<OverdrachtMaatregel> maatregelen, IEnumerable<(Guid MaatregelId, DocumentSoort Soort)> aanwezig)
    {
        var set = aanwezig.ToHashSet();
        return maatregelen.SelectMany(m => Vereist(m.Type).Where(s => !set.Contains((m.MaatregelId, s))).Select(s => $"{s} van maatregel {m.MaatregelId}")).ToList();
    }
}
