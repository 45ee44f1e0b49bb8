using Jbk.Capaciteit.Domain;
using Jbk.Contracts;

namespace Jbk.UnitTests.Capaciteit;

/// <summary>The RvdK's question, with every gate by name.</summary>
public sealed class BeschikbaarheidTests
{
    private static readonly DateOnly Dag = new(2025, 9, 1);
    private static readonly CertificaatPoort.Uitkomst Gecertificeerd = new(true, "regulier certificaat geldig tot 2027-12-01");

    private static GiStand Stand(string code, int capaciteit = 100, decimal belasting = 50, CertificaatPoort.Uitkomst? certificaat = null, params Stop[] stops)
    {
        var gi = GiRegister.Alle.Single(g => g.Code == code);
        return new GiStand(gi, gi.Regios.ToList(), capaciteit, belasting, 0, certificaat ?? Gecertificeerd, stops, new Caseloadstand(null, 0, []));
    }

    private static IEnumerable<GiStand> Allen(Func<string, GiStand?>? anders = null) =>
        GiRegister.Alle.Select(g => anders?.Invoke(g.Code) ?? Stand(g.Code));

    private static Casus Casus(MaatregelType type = MaatregelType.Ots, string regio = "drenthe", bool spoed = false, int gezin = 1, params string[] doelgroepen) =>
        new(regio, type, doelgroepen, gezin, Dag, spoed);

    [Fact]
    public void An_LVB_case_in_Drenthe_lists_the_regional_GI_first_then_neighbours_then_WSS_with_its_reason()
    {
        var (kandidaten, uitgesloten) = Beschikbaarheid.Bepaal(Casus(doelgroepen: "lvb"), Allen(), new Gewichten());

        Assert.Equal("JBN", kandidaten[0].GiCode);
        Assert.Equal(Ring.EigenRegio, kandidaten[0].Ring);
        Assert.Equal(["JBF", "JBO"], kandidaten.Where(k => k.Ring == Ring.Buurregio).Select(k => k.GiCode).Order());
        var wss = kandidaten.Single(k => k.GiCode == "WSS");
        Assert.Equal(Ring.Landelijk, wss.Ring);
        Assert.Contains(wss.Redenen, r => r.Contains("landelijke GI voor doelgroep lvb"));
        Assert.Contains(uitgesloten, u => u.GiCode == "LJR" && u.Regel == CapaciteitRegels.RegioOfDoelgroep);
        Assert.Contains(uitgesloten, u => u.GiCode == "BJZL" && u.Regel == CapaciteitRegels.RegioOfDoelgroep);
    }

    [Fact]
    public void GeldigCertificaat_JBN_on_a_wind_down_certificate_is_excluded_for_new_measures_with_that_reason()
    {
        var beeindiging = CertificaatPoort.MagNieuwAannemen("JBN",
            [Certificaat.Nieuw("JBN", CertificaatSoort.Beeindiging, Dag.AddMonths(-1), null, new CertificaatOpties())], Dag);

        var (kandidaten, uitgesloten) = Beschikbaarheid.Bepaal(Casus(doelgroepen: "lvb"),
            Allen(code => code == "JBN" ? Stand("JBN", certificaat: beeindiging) : null), new Gewichten());

        Assert.DoesNotContain(kandidaten, k => k.GiCode == "JBN");
        var jbn = uitgesloten.Single(u => u.GiCode == "JBN");
        Assert.Equal(CapaciteitRegels.GeldigCertificaat, jbn.Regel);
        Assert.Contains("beëindigingscertificaat", jbn.Reden);
        Assert.Contains(kandidaten, k => k.GiCode == "WSS");
    }

    [Fact]
    public void GeenClientenstop_a_stop_excludes_the_GI_but_spoed_and_JR_stay_open()
    {
        var stop = new Stop("JBN", ["drenthe"], [MaatregelType.Ots, MaatregelType.VoorlopigeOts, MaatregelType.Jeugdreclassering], true, true);
        var standen = Allen(code => code == "JBN" ? Stand("JBN", stops: stop) : null).ToList();

        var (_, uitgesloten) = Beschikbaarheid.Bepaal(Casus(MaatregelType.Ots), standen, new Gewichten());
        Assert.Equal(CapaciteitRegels.GeenClientenstop, uitgesloten.Single(u => u.GiCode == "JBN").Regel);

        Assert.Contains(Beschikbaarheid.Bepaal(Casus(MaatregelType.VoorlopigeOts, spoed: true), standen, new Gewichten()).Kandidaten, k => k.GiCode == "JBN");
        Assert.Contains(Beschikbaarheid.Bepaal(Casus(MaatregelType.Jeugdreclassering), standen, new Gewichten()).Kandidaten, k => k.GiCode == "JBN");
        Assert.Contains(Beschikbaarheid.Bepaal(Casus(MaatregelType.Ots, regio: "groningen"), standen, new Gewichten()).Kandidaten, k => k.GiCode == "JBN");
    }

    [Fact]
    public void VrijeCapaciteit_a_family_needs_room_for_all_its_measures()
    {
        var standen = Allen(code => code == "JBN" ? Stand("JBN", capaciteit: 100, belasting: 98) : null).ToList();

        Assert.Contains(Beschikbaarheid.Bepaal(Casus(gezin: 2), standen, new Gewichten()).Kandidaten, k => k.GiCode == "JBN");
        var uitgesloten = Beschikbaarheid.Bepaal(Casus(gezin: 3), standen, new Gewichten()).Uitgesloten.Single(u => u.GiCode == "JBN");
        Assert.Equal(CapaciteitRegels.VrijeCapaciteit, uitgesloten.Regel);
        Assert.Contains("vrij 2, nodig 3", uitgesloten.Reden);
    }

    [Fact]
    public void RegioOfDoelgroep_a_national_GI_outside_its_doelgroep_is_excluded_with_its_doelgroep_named()
    {
        var (kandidaten, uitgesloten) = Beschikbaarheid.Bepaal(Casus(), Allen(), new Gewichten());
        Assert.DoesNotContain(kandidaten, k => k.GiCode == "WSS");
        Assert.Contains("lvb", uitgesloten.Single(u => u.GiCode == "WSS").Reden);
    }

    [Fact]
    public void Within_a_ring_the_GI_with_most_free_capacity_comes_first()
    {
        var standen = Allen(code => code switch
        {
            "JBF" => Stand("JBF", capaciteit: 100, belasting: 95),
            "JBO" => Stand("JBO", capaciteit: 300, belasting: 100),
            _ => null,
        });
        var buren = Beschikbaarheid.Bepaal(Casus(), standen, new Gewichten()).Kandidaten.Where(k => k.Ring == Ring.Buurregio).ToList();
        Assert.Equal(["JBO", "JBF"], buren.Select(k => k.GiCode));
    }

    [Fact]
    public void MaatregelTypeUitgevoerd_a_GI_is_only_offered_the_kinds_of_measure_it_carries_out()
    {
        var (_, uitgesloten) = Beschikbaarheid.Bepaal(Casus(MaatregelType.Jeugdreclassering, doelgroepen: "amv"), Allen(), new Gewichten());
        Assert.Equal(CapaciteitRegels.MaatregelTypeUitgevoerd, uitgesloten.Single(u => u.GiCode == "NIDOS").Regel);
        Assert.Contains(Beschikbaarheid.Bepaal(Casus(MaatregelType.Voogdij, doelgroepen: "amv"), Allen(), new Gewichten()).Kandidaten, k => k.GiCode == "NIDOS");
    }
}
