using Jbk.Planning.Rapport;
using Jbk.Planning.WatAls;
using Jbk.Simulatie;

namespace Jbk.UnitTests.Scenarios;

/// <summary>The what-if model on small hand-made inputs with known outcomes, and the seeds' four scenarios as a report.</summary>
public sealed class WatAlsTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    /// <summary>One GI, 100 measures on a capacity of 100 (10 FTE at norm 10), nothing ends, 5 new measures a week.</summary>
    private static WatAlsInvoer Vol(double werving = 0, int wachtend = 0) =>
        new(Start, 10, "GI1", Enumerable.Repeat<int?>(null, 100).ToList(), wachtend, 5, double.PositiveInfinity, [new WatAlsGi("GI1", 10, 10, 0, 0, werving)]);

    private static readonly WatAlsScenario Niets = new() { Code = "0", Naam = "niets verandert" };

    private static double Wachtend(WatAlsUitkomst u, int week, string gi = "GI1") => u.Weken.Single(w => w.Week == week && w.GiCode == gi).ZonderVasteJeugdbeschermer;

    [Fact]
    public void Capacity_below_inflow_grows_the_waiting_list_by_the_difference_each_week()
    {
        var zonder = WatAlsModel.Simuleer(Vol(), Niets);
        Assert.All(Enumerable.Range(0, 10), w => Assert.Equal(5 * (w + 1), Wachtend(zonder, w), 6));

        // Hiring 0.2 FTE a week adds 2 places a week: the list grows by 3.
        var werving = WatAlsModel.Simuleer(Vol(werving: 0.2), Niets);
        Assert.All(Enumerable.Range(0, 10), w => Assert.Equal(3 * (w + 1), Wachtend(werving, w), 6));
        Assert.Equal(0, zonder.Samenvatting.WisselingenTotaal);
        Assert.Equal(10, zonder.Samenvatting.OverbelasteGiWeken);
    }

    [Fact]
    public void The_longest_waiting_get_a_worker_first_and_the_waiting_time_counts_in_weeks()
    {
        // 9 FTE carry 90 of 100 measures, 10 wait; 1 FTE is hired a week (10 places) and 15 new measures come a week.
        var invoer = Vol(werving: 1, wachtend: 10) with { InstroomPerWeek = 15, Gis = [new WatAlsGi("GI1", 9, 10, 0, 0, 1)] };
        var u = WatAlsModel.Simuleer(invoer, Niets);
        double Wachttijd(int week) => u.Weken.Single(w => w.Week == week).GemiddeldeWachtweken;

        Assert.Equal(15, Wachtend(u, 0), 6);      // 25 waiting, 10 places
        Assert.Equal(20, Wachtend(u, 1), 6);      // 5 of week 0 and the 15 of week 1 still wait
        Assert.Equal(0.25, Wachttijd(1), 6);      // (5 x 1 week + 15 x 0) / 20
        Assert.Equal(25, Wachtend(u, 2), 6);      // week 0 is served; 10 of week 1 and 15 of week 2 wait
        Assert.Equal(0.4, Wachttijd(2), 6);       // (10 x 1 + 15 x 0) / 25
    }

    [Fact]
    public void A_transfer_window_moves_the_senders_measures_evenly_and_counts_changes_of_worker_and_measures_left_after_the_certificate()
    {
        var invoer = new WatAlsInvoer(Start, 10, "ZEN", Enumerable.Repeat<int?>(null, 100).ToList(), 0, 0, double.PositiveInfinity,
            [new WatAlsGi("ZEN", 10, 10, 0), new WatAlsGi("ONT", 20, 10, 0)]);
        var opTijd = new WatAlsScenario { Code = "a", Naam = "op tijd", CertificaatEindeWeek = 4, OverdrachtVanafWeek = 0, OverdrachtTotWeek = 4, Ontvangers = ["ONT"], PersoneelMeeAandeel = 0.2 };
        var u = WatAlsModel.Simuleer(invoer, opTijd);

        Assert.All(Enumerable.Range(0, 4), w => Assert.Equal(25, u.Weken.Single(x => x.Week == w && x.GiCode == "ONT").Ontvangen, 6));
        Assert.Equal(80, u.Samenvatting.WisselingenTotaal, 6);   // 80 % of the moving measures leave their worker behind
        Assert.Equal(0, u.Samenvatting.ZonderCertificaatMaatregelweken, 6);
        Assert.Equal(100, u.Weken.Single(x => x.Week == 9 && x.GiCode == "ONT").Caseload, 6);

        // The same window two weeks too long: what is still at the sender when its certificate ends counts.
        var teLaat = WatAlsModel.Simuleer(invoer, opTijd with { OverdrachtTotWeek = 6 });
        var week4 = teLaat.Weken.Single(x => x.Week == 4 && x.GiCode == "ZEN");
        Assert.Equal(100 - 5 * 100 / 6.0, week4.ZonderCertificaat, 6);
        Assert.True(teLaat.Samenvatting.ZonderCertificaatMaatregelweken > 0);
    }

    [Fact]
    public void Staff_leaving_costs_measures_their_worker()
    {
        var invoer = Vol() with { InstroomPerWeek = 0, Gis = [new WatAlsGi("GI1", 10, 10, 0, VerloopPerWeek: 0.1)] };
        var u = WatAlsModel.Simuleer(invoer, Niets);
        Assert.Equal(10, Wachtend(u, 0), 6);                 // 9 FTE carry 90 of 100
        Assert.Equal(10, u.Weken.Single(w => w.Week == 0).Wisselingen, 6);
    }

    [Fact]
    public void The_four_scenarios_of_the_seeds_on_the_drenthe_rehearsal_data_make_the_report()
    {
        var instellingen = WatAlsInstellingenLezer.Standaard();
        var invoer = DrentheWatAls.Invoer(Start, instellingen.Weken);
        var uitkomsten = instellingen.Scenarios.Select(s => WatAlsModel.Simuleer(invoer, s)).ToList();
        var map = Directory.CreateTempSubdirectory("jbk-wat-als.").FullName;
        try
        {
            var bestanden = WatAlsRapport.Schrijf(map, invoer, instellingen, uitkomsten);

            Assert.Equal(["1", "2", "3", "4"], uitkomsten.Select(u => u.Scenario.Code));
            Assert.Contains(bestanden, b => b.EndsWith("wat-als.html"));
            Assert.True(bestanden.Count(b => b.EndsWith(".png")) >= 9);
            Assert.All(bestanden.Where(b => b.EndsWith(".png")), b => Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(b).Take(4)));
            var html = File.ReadAllText(Path.Combine(map, "wat-als.html"));
            Assert.Contains("data:image/png;base64,", html);
            Assert.Contains(instellingen.Aannames[0], html);
            Assert.Contains("Een nieuwe regionale GI oprichten", html);
            // The scenarios differ where the seeds say they do: only 4 keeps JBN's children with their workers; in 2
            // children wait longest (the new GI opens late).
            Assert.Equal(0, uitkomsten[3].Samenvatting.OverdrachtenTotaal);
            Assert.True(uitkomsten[0].Samenvatting.WisselingenTotaal > uitkomsten[3].Samenvatting.WisselingenTotaal);
            Assert.True(uitkomsten[1].Samenvatting.ZonderVasteJeugdbeschermerPiek > uitkomsten[0].Samenvatting.ZonderVasteJeugdbeschermerPiek);
            Assert.Contains("Overname door regionale en landelijke GI's", WatAlsRapport.Tabel(uitkomsten));
        }
        finally { Directory.Delete(map, recursive: true); }
    }

    [Fact]
    public void A_settings_file_that_cannot_be_meant_is_refused_saying_what()
    {
        var fout = Assert.Throws<ArgumentException>(() => WatAlsInstellingenLezer.Lees(
            """{ "weken": 52, "scenarios": [ { "code": "x", "naam": "x", "personeelMeeAandeel": 1.5, "overdrachtVanafWeek": 4 } ] }""", "test.json"));
        Assert.Contains("personeelMeeAandeel 1.5", fout.Message);
        Assert.Contains("overdrachtTotWeek", fout.Message);
    }
}
