using Jbk.BuildingBlocks.Kalender;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Processen;
using Jbk.Overdracht.Scenarios;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;
using Jbk.Planning;

namespace Jbk.UnitTests.Scenarios;

/// <summary>
/// The continuity report judges from the records, and each rule can fail: a clean scenario holds every rule; each
/// violation injected behind the scenario's back (in the registry, the handovers or capaciteit, never in the plan)
/// fails exactly the rules that name it.
/// </summary>
public sealed class ScenarioRapportTests
{
    private static readonly DateOnly Start = new(2025, 1, 6); // a Monday
    private static readonly DateTime Goedgekeurd = new(2025, 1, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Week0 = new(2025, 1, 7, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Week1 = new(2025, 1, 14, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Werkdagen Werkdagen = new(new Feestdagen());
    private static readonly Caller Jbn = new(Organisatie.Gi("JBN"), "jb-1", null);
    private static readonly Caller Jbo = new(Organisatie.Gi("JBO"), "jb-2", null);
    private static readonly Caller Jbf = new(Organisatie.Gi("JBF"), "jb-3", null);

    /// <summary>
    /// Two families (an OTS with its MUHP each) of JBN in Drenthe, both to JBO: one switched in week 0, one in week 1,
    /// each after a court decision that week, each measure given a vaste jeugdbeschermer the next day.
    /// </summary>
    private sealed class Geval
    {
        public readonly ScenarioUitvoering U;
        public readonly List<ScenarioPlaatsing> Rijen;
        public readonly Dictionary<Guid, OverdrachtProces> Overdrachten = [];
        public readonly Dictionary<Guid, GeregistreerdeMaatregel> Register = [];
        public readonly Dictionary<string, Capaciteitsstand> Capaciteit = new() { ["JBO"] = new("JBO", 100, 10, 0) };
        public readonly Dictionary<(string, DateOnly), Certificering> Certificaten = [];
        public readonly List<Guid> Gezinnen = [Guid.NewGuid(), Guid.NewGuid()];

        public Geval()
        {
            var caseload = Gezinnen.SelectMany(g => new[]
            {
                new TePlaatsen(Guid.NewGuid(), g, MaatregelType.Ots, "drenthe", [], null, null),
                new TePlaatsen(Guid.NewGuid(), g, MaatregelType.Muhp, "drenthe", [], null, null),
            }).ToList();
            var scenario = new Scenario("JBN", ["drenthe"], [new Ontvanger("JBO", 10, 2, 10, GiSoort.Regionaal, [], Enum.GetValues<MaatregelType>(), true, ["drenthe"])],
                Start, Start.AddMonths(6), [], RechtbankPerWeek: 3);
            (U, Rijen) = ScenarioUitvoering.Maak(Guid.NewGuid(), scenario, false, caseload, new Dictionary<Guid, IReadOnlyList<string>>(), "operator", Goedgekeurd, new PlannerOpties());
            U.KeurGoed("operator", Goedgekeurd);
            foreach (var gi in GiRegister.Alle)
                for (var d = Start.AddDays(-30); d <= Start.AddDays(400); d = d.AddDays(1))
                    Certificaten[(gi.Code, d)] = new Certificering(true, "gecertificeerd", ["drenthe"]);
            foreach (var m in caseload)
                Register[m.MaatregelId] = new GeregistreerdeMaatregel(m.MaatregelId, m.GezinId, m.Type, "drenthe", true,
                    [new Periode("JBN", Goedgekeurd.AddYears(-1), null)], [new Inzet("JBN", true, Start.AddYears(-1), null)], [], []);
            ZetOm(Gezinnen[0], "JBO", Week0, DateOnly.FromDateTime(Week0));
            ZetOm(Gezinnen[1], "JBO", Week1, DateOnly.FromDateTime(Week1));
        }

        public IEnumerable<GeregistreerdeMaatregel> Van(Guid gezin) => Register.Values.Where(m => m.GezinId == gezin).OrderBy(m => m.Type);

        /// <summary>Switches the family's measures (or those given) through a scenario handover, as the platform records it.</summary>
        public OverdrachtProces ZetOm(Guid gezin, string naar, DateTime op, DateOnly beschikking, IReadOnlyList<Guid>? alleen = null, int poging = 0,
            IReadOnlyList<TermijnEigenaarschap>? eigenaars = null)
        {
            var maatregelen = Van(gezin).Where(m => alleen is null || alleen.Contains(m.Id)).ToList();
            var ontvanger = new Caller(Organisatie.Gi(naar), "jb", null);
            var aangevraagd = op.AddDays(-5);
            var o = OverdrachtProces.VraagAan(ScenarioPlaatsing.OverdrachtIdVan(U.Id, gezin, poging), OverdrachtVoortzetter.Dienst, naar,
                DateOnly.FromDateTime(op), maatregelen.Select(m => new OverdrachtMaatregel(m.Id, m.Type, gezin)).ToList(), null, aangevraagd, eigenaars);
            o.ZetVerzender("JBN");
            o.LegControlesVast(ContinuiteitsRegels.Alle.Select(r => new RegelUitkomst(r, true, "gehaald")).ToList(), OverdrachtVoortzetter.Dienst, aangevraagd);
            o.LegReserveringVast(["r"], OverdrachtVoortzetter.Dienst, aangevraagd);
            o.LegDossierCompleetVast([], Jbn, aangevraagd);
            o.Accepteer(ontvanger, aangevraagd);
            o.DienVerzoekBijRechterIn(DateOnly.FromDateTime(aangevraagd), ontvanger, aangevraagd);
            o.LegRechterlijkBesluitVast("C/19/1", beschikking, ontvanger, op);
            o.LegWarmeOverdrachtVast(DateOnly.FromDateTime(op), ontvanger, op);
            o.VraagOmzettingAan(op, ontvanger, op);
            o.LegOmzettingVast(op, OverdrachtVoortzetter.Dienst, op);
            Overdrachten[o.Id] = o;
            foreach (var m in maatregelen)
                Register[m.Id] = m with
                {
                    Tijdlijn = [m.Tijdlijn[0] with { TotUtc = op }, new Periode(naar, op, null, o.Id)],
                    Toewijzingen = [m.Toewijzingen[0] with { Tot = DateOnly.FromDateTime(op) }, new Inzet(naar, true, DateOnly.FromDateTime(op).AddDays(1), null)],
                };
            return o;
        }

        public Rapport Rapport() => ScenarioRapport.Maak(U, Rijen,
            new Bronnen(Register.Values.ToList(), Overdrachten, GiRegister.Alle.ToDictionary(g => g.Code), Capaciteit, Certificaten), Werkdagen, 10);

        public string[] Gebroken() => Rapport().Regels.Where(r => !r.Geslaagd).Select(r => r.Regel).Order().ToArray();
    }

    [Fact]
    public void A_clean_run_holds_every_rule_judged_from_the_records()
    {
        var rapport = new Geval().Rapport();

        Assert.True(rapport.AlleRegelsGehaald, string.Join("; ", rapport.Regels.Where(r => !r.Geslaagd).Select(r => $"{r.Regel}: {r.Toelichting}")));
        Assert.Equal(14, rapport.Regels.Count);
        Assert.True(rapport.DeadlineGehaald);
        Assert.All(rapport.Maatregelen, m =>
        {
            Assert.Equal("JBN", m.OudeGi);
            Assert.Equal("JBO", m.NieuweGi);
            Assert.Equal(["JBO"], m.VerantwoordelijkNu);
            Assert.Equal(1, m.WerkdagenTotVast);
        });
    }

    public static TheoryData<string> Schendingen => new(Mutaties.Keys);

    /// <summary>Each violation, made behind the scenario's back, and the rules that must name it.</summary>
    private static readonly Dictionary<string, (Action<Geval> Doe, string[] Regels)> Mutaties = new()
    {
        ["directe omzetting buiten het scenario"] = (g =>
        {
            foreach (var m in g.Van(g.Gezinnen[0]).ToList())
                g.Register[m.Id] = m with { Tijdlijn = [m.Tijdlijn[0], m.Tijdlijn[1] with { TotUtc = Week0.AddDays(3) }, new Periode("JBF", Week0.AddDays(3), null)] };
        }, [ScenarioRapport.EenVerantwoordelijkeGi]),
        ["omzetting na de deadline"] = (g =>
        {
            var laat = g.U.Definitie.Deadline.AddDays(1).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            foreach (var m in g.Van(g.Gezinnen[1]).ToList()) g.Register[m.Id] = m with { Tijdlijn = [m.Tijdlijn[0]], Toewijzingen = [m.Toewijzingen[0]] };
            g.ZetOm(g.Gezinnen[1], "JBO", laat, DateOnly.FromDateTime(laat), poging: 1);
        }, [ScenarioRapport.DeadlineGehaald]),
        ["ontvanger overboekt"] = (g => g.Capaciteit["JBO"] = new Capaciteitsstand("JBO", 100, 95, 6), [ScenarioRapport.BinnenCapaciteit]),
        ["meer dan de weeklimiet bij de ontvanger"] = (g =>
        {
            foreach (var m in g.Van(g.Gezinnen[1]).ToList()) g.Register[m.Id] = m with { Tijdlijn = [m.Tijdlijn[0]], Toewijzingen = [m.Toewijzingen[0]] };
            g.ZetOm(g.Gezinnen[1], "JBO", Week0.AddHours(1), DateOnly.FromDateTime(Week1), poging: 1);
        }, [ScenarioRapport.BinnenCapaciteit]),
        ["gezin gesplitst over twee ontvangers"] = (g =>
        {
            var muhp = g.Van(g.Gezinnen[0]).Single(m => m.Type == MaatregelType.Muhp);
            g.Register[muhp.Id] = muhp with { Tijdlijn = [muhp.Tijdlijn[0] with { TotUtc = null }], Toewijzingen = [muhp.Toewijzingen[0]] };
            g.Overdrachten.Clear();
            foreach (var m in g.Van(g.Gezinnen[0]).Where(m => m.Type == MaatregelType.Ots).ToList()) g.Register[m.Id] = m with { Tijdlijn = [m.Tijdlijn[0] with { TotUtc = null }], Toewijzingen = [m.Toewijzingen[0]] };
            foreach (var m in g.Van(g.Gezinnen[1]).ToList()) g.Register[m.Id] = m with { Tijdlijn = [m.Tijdlijn[0] with { TotUtc = null }], Toewijzingen = [m.Toewijzingen[0]] };
            g.ZetOm(g.Gezinnen[0], "JBO", Week0, DateOnly.FromDateTime(Week0), alleen: [g.Van(g.Gezinnen[0]).Single(m => m.Type == MaatregelType.Ots).Id]);
            g.ZetOm(g.Gezinnen[0], "JBF", Week0, DateOnly.FromDateTime(Week0), alleen: [muhp.Id], poging: 1);
            g.ZetOm(g.Gezinnen[1], "JBO", Week1, DateOnly.FromDateTime(Week1));
        }, [ScenarioRapport.GezinBijElkaar]),
        ["rechtbank boven haar weekcapaciteit"] = (g =>
        {
            foreach (var m in g.Van(g.Gezinnen[1]).ToList()) g.Register[m.Id] = m with { Tijdlijn = [m.Tijdlijn[0]], Toewijzingen = [m.Toewijzingen[0]] };
            g.ZetOm(g.Gezinnen[1], "JBO", Week1, DateOnly.FromDateTime(Week0).AddDays(1), poging: 1);
        }, [ScenarioRapport.RechtbankPerWeek]),
        ["geen vaste jeugdbeschermer binnen tien werkdagen"] = (g =>
        {
            var m = g.Van(g.Gezinnen[0]).First();
            g.Register[m.Id] = m with { Toewijzingen = [m.Toewijzingen[0], m.Toewijzingen[1] with { Van = DateOnly.FromDateTime(Week0).AddDays(20) }] };
        }, [ScenarioRapport.VasteJeugdbeschermer]),
        ["nooit een vaste jeugdbeschermer"] = (g =>
        {
            var m = g.Van(g.Gezinnen[0]).First();
            g.Register[m.Id] = m with { Toewijzingen = [m.Toewijzingen[0], m.Toewijzingen[1] with { Vast = false }] };
        }, [ScenarioRapport.VasteJeugdbeschermer]),
        ["verlengingstermijn zonder eigenaar binnen de overdracht"] = (g =>
        {
            var m = g.Van(g.Gezinnen[0]).First();
            g.Register[m.Id] = m with { Termijnen = [new RegistratieTermijn("Verlengingsverzoek", DateOnly.FromDateTime(Week0).AddDays(-1), null)] };
        }, [ContinuiteitsRegels.GeenTermijnZonderEigenaar]),
        ["ontvanger zonder certificaat op de dag van omzetting"] = (g =>
            g.Certificaten[("JBO", DateOnly.FromDateTime(Week1))] = new Certificering(false, "certificaat ingetrokken", ["drenthe"]), [ContinuiteitsRegels.OntvangerGecertificeerd]),
        ["ontvanger zonder contract in de regio"] = (g =>
            g.Certificaten[("JBO", DateOnly.FromDateTime(Week0))] = new Certificering(true, "gecertificeerd", ["overijssel"]), [ContinuiteitsRegels.RegioOfDoelgroep]),
        ["verzender was niet verantwoordelijk"] = (g =>
        {
            var m = g.Van(g.Gezinnen[0]).First();
            g.Register[m.Id] = m with { Tijdlijn = [m.Tijdlijn[0] with { GiCode = "JBF" }, m.Tijdlijn[1]] };
        }, [ContinuiteitsRegels.VerzenderIsVerantwoordelijk]),
        ["gezinslid bleef achter bij de verzender"] = (g =>
        {
            var jr = Guid.NewGuid();
            g.Register[jr] = new GeregistreerdeMaatregel(jr, g.Gezinnen[0], MaatregelType.Jeugdreclassering, "groningen", true,
                [new Periode("JBN", Goedgekeurd.AddYears(-1), null)], [], [], []);
        }, [ContinuiteitsRegels.GezinBlijftSamen, ScenarioRapport.GezinBijElkaar]),
        ["na de planning geregistreerd en niet overgedragen"] = (g =>
        {
            var nieuw = Guid.NewGuid();
            g.Register[nieuw] = new GeregistreerdeMaatregel(nieuw, Guid.NewGuid(), MaatregelType.Ots, "drenthe", true,
                [new Periode("JBN", Goedgekeurd.AddDays(2), null)], [], [], []);
        }, [ScenarioRapport.AllesGeplaatst, ScenarioRapport.DeadlineGehaald]),
    };

    [Theory]
    [MemberData(nameof(Schendingen))]
    public void Each_violation_behind_the_scenarios_back_fails_exactly_its_rule(string schending)
    {
        var geval = new Geval();
        Assert.Empty(geval.Gebroken());
        var (doe, regels) = Mutaties[schending];

        doe(geval);

        Assert.Equal(regels.Order().ToArray(), geval.Gebroken());
    }

    [Fact]
    public void A_deadline_inside_the_handover_with_an_owner_holds()
    {
        var geval = new Geval();
        var m = geval.Van(geval.Gezinnen[1]).First();
        var termijn = new RegistratieTermijn("Verlengingsverzoek", DateOnly.FromDateTime(Week1).AddDays(-1), null);
        foreach (var x in geval.Van(geval.Gezinnen[1]).ToList()) geval.Register[x.Id] = x with { Tijdlijn = [x.Tijdlijn[0]], Toewijzingen = [x.Toewijzingen[0]] };
        geval.Register[m.Id] = geval.Register[m.Id] with { Termijnen = [termijn] };
        geval.ZetOm(geval.Gezinnen[1], "JBO", Week1, DateOnly.FromDateTime(Week1), poging: 1, eigenaars: [new TermijnEigenaarschap(m.Id, termijn.Soort, "JBN")]);

        Assert.Empty(geval.Gebroken());
    }

    [Fact]
    public void A_failure_names_the_measure_and_the_instant()
    {
        var geval = new Geval();
        Mutaties["directe omzetting buiten het scenario"].Doe(geval);
        var regel = geval.Rapport().Regels.Single(r => r.Regel == ScenarioRapport.EenVerantwoordelijkeGi);
        Assert.Contains("naar JBF buiten het scenario om", regel.Toelichting);
        Assert.Contains(geval.Van(geval.Gezinnen[0]).First().Id.ToString(), regel.Toelichting);
    }
}
