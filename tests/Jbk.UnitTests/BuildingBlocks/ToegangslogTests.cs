using Jbk.BuildingBlocks.Audit;
using Jbk.Maatregelen.V1;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>The access log's hash chain: intact as written, and every kind of tampering found at its place.</summary>
public sealed class ToegangslogTests
{
    private static (List<Toegangsregel> Regels, ToegangslogKop Kop) Keten(int aantal)
    {
        var kop = new ToegangslogKop();
        var regels = new List<Toegangsregel>();
        for (var i = 0; i < aantal; i++)
        {
            var r = new Toegangsregel
            {
                Volgorde = kop.LaatsteVolgorde + 1, OpUtc = new DateTime(2026, 11, 30, 9, 0, i, DateTimeKind.Utc), Organisatie = i % 2 == 0 ? "gi:JBN" : "rvdk",
                Gebruiker = $"u{i}", Handeling = "jbk.maatregelen.v1.MaatregelService/GeefMaatregel", Uitkomst = i == 3 ? "PERMISSION_DENIED" : "OK",
                Betrokkenen = [$"maatregel:{Guid.NewGuid()}"], VorigeHash = kop.LaatsteHash,
            };
            r.Hash = r.BerekenHash();
            (kop.Aantal, kop.LaatsteVolgorde, kop.LaatsteHash) = (kop.Aantal + 1, r.Volgorde, r.Hash);
            regels.Add(r);
        }
        return (regels, kop);
    }

    [Fact]
    public void A_chain_as_written_is_intact()
    {
        var (regels, kop) = Keten(6);
        var uitslag = Ketencontrole.Controleer(regels, kop);
        Assert.True(uitslag.Intact);
        Assert.Equal(6, uitslag.Aantal);
    }

    [Fact]
    public void An_edited_entry_is_found_at_its_place()
    {
        var (regels, kop) = Keten(6);
        regels[3].Uitkomst = "OK"; // a refusal made to look allowed
        var uitslag = Ketencontrole.Controleer(regels, kop);
        Assert.False(uitslag.Intact);
        Assert.Equal(4, uitslag.Volgorde);
        Assert.Contains("gewijzigd", uitslag.Reden);
    }

    [Fact]
    public void A_deleted_entry_is_found_where_the_numbering_jumps()
    {
        var (regels, kop) = Keten(6);
        regels.RemoveAt(2);
        var uitslag = Ketencontrole.Controleer(regels, kop);
        Assert.Equal(4, uitslag.Volgorde);
        Assert.Contains("regel(s) 3 tot 3 ontbreken", uitslag.Reden);
    }

    [Fact]
    public void An_entry_replaced_with_a_recomputed_hash_breaks_the_next_link()
    {
        var (regels, kop) = Keten(6);
        regels[2].Organisatie = "operator";
        regels[2].Hash = regels[2].BerekenHash(); // the forger recomputes this row's hash ...
        var uitslag = Ketencontrole.Controleer(regels, kop);
        Assert.Equal(4, uitslag.Volgorde); // ... but the next row still points at the original
        Assert.Contains("wijst niet naar de regel ervoor", uitslag.Reden);
    }

    [Fact]
    public void Removing_the_last_entries_is_found_by_the_head()
    {
        var (regels, kop) = Keten(6);
        regels.RemoveRange(4, 2);
        var uitslag = Ketencontrole.Controleer(regels, kop);
        Assert.False(uitslag.Intact);
        Assert.Contains("de kop noemt 6 regels", uitslag.Reden);
    }

    [Fact]
    public void The_data_a_call_concerns_is_read_from_the_request_and_the_answer()
    {
        var maatregel = Guid.NewGuid();
        var jeugdige = Guid.NewGuid();
        var antwoord = new GeefMaatregelResponse { Maatregel = new Maatregel { Id = maatregel.ToString(), JeugdigeId = jeugdige.ToString() } };
        var betrokken = Betrokkenen.Uit(new GeefMaatregelRequest { MaatregelId = maatregel.ToString() }, antwoord);
        Assert.Equal(new[] { $"jeugdige:{jeugdige}", $"maatregel:{maatregel}" }.Order(), betrokken.Order());
        Assert.Empty(Betrokkenen.Uit(new GeefMaatregelRequest { MaatregelId = "geen-id" }, null));
    }
}
