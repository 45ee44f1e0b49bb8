namespace Jbk.BuildingBlocks.Audit;

/// <summary>
/// Checks the access log's chain: every entry's hash is what its fields give, every entry points to the hash of the one
/// before it, the numbering has no holes, and the head names the last entry. Names the first place it breaks and how.
/// </summary>
public static class Ketencontrole
{
    public sealed record Uitslag(bool Intact, long Aantal, long? Volgorde, string? Reden);

    public static Uitslag Controleer(IEnumerable<Toegangsregel> regels, ToegangslogKop? kop)
    {
        var vorige = Toegangsregel.Begin;
        long vorigeVolgorde = 0, aantal = 0;
        foreach (var r in regels)
        {
            aantal++;
            if (r.Volgorde != vorigeVolgorde + 1)
                return new(false, aantal, r.Volgorde, r.Volgorde > vorigeVolgorde + 1
                    ? $"regel(s) {vorigeVolgorde + 1} tot {r.Volgorde - 1} ontbreken (verwijderd)"
                    : $"regel {r.Volgorde} staat niet op zijn plaats (ingevoegd)");
            if (r.VorigeHash != vorige)
                return new(false, aantal, r.Volgorde, $"regel {r.Volgorde} wijst niet naar de regel ervoor (ingevoegd of vervangen)");
            if (r.BerekenHash() != r.Hash)
                return new(false, aantal, r.Volgorde, $"regel {r.Volgorde} is gewijzigd (de inhoud past niet bij haar hash)");
            vorige = r.Hash;
            vorigeVolgorde = r.Volgorde;
        }
        if (kop is not null && (kop.Aantal != aantal || kop.LaatsteHash != vorige))
            return new(false, aantal, vorigeVolgorde + 1,
                $"de kop noemt {kop.Aantal} regels tot {kop.LaatsteVolgorde}, het log heeft er {aantal}: de laatste regel(s) zijn verwijderd of de kop is gewijzigd");
        return new(true, aantal, null, null);
    }
}
