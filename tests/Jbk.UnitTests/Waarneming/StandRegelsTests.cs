using Grpc.Core;
using Jbk.BuildingBlocks.Kalender;
using Jbk.BuildingBlocks.Messaging;
using Jbk.BuildingBlocks.Telemetry;
using Jbk.Capaciteit.Domain;
using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.Maatregelregistratie.Persistence;
using Jbk.Overdracht.Persistence;
using Jbk.Overdracht.Scenarios;
using Jbk.UnitTests.Maatregelregistratie;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.UnitTests.Waarneming;

/// <summary>The rules behind the operators' figures, each broken on purpose once.</summary>
public sealed class StandRegelsTests
{
    private static readonly DateOnly Dag = new(2026, 3, 2);
    private static readonly CertificaatOpties Opties = new();

    [Fact]
    public void Certificate_days_left_count_to_the_end_or_the_withdrawal_and_are_zero_without_a_valid_one()
    {
        var regulier = Certificaat.Nieuw("JBN", CertificaatSoort.Regulier, new DateOnly(2025, 1, 1), null, Opties);
        Assert.Equal(new DateOnly(2028, 1, 1).DayNumber - Dag.DayNumber, CertificaatLooptijd.DagenResterend("JBN", [regulier], Dag));
        Assert.Equal(0, CertificaatLooptijd.DagenResterend("JBF", [regulier], Dag));
        Assert.Equal(0, CertificaatLooptijd.DagenResterend("JBN", [regulier], new DateOnly(2028, 1, 1)));
        regulier.TrekIn(Dag.AddDays(10));
        Assert.Equal(10, CertificaatLooptijd.DagenResterend("JBN", [regulier], Dag));
    }

    private static GiStand Stand(string gi, int capaciteit, decimal belasting, bool gecertificeerd = true, params Stop[] stops)
    {
        var g = GiRegister.Alle.Single(x => x.Code == gi);
        return new GiStand(g, g.Soort == GiSoort.Regionaal ? ["drenthe", .. g.Regios] : [], capaciteit, belasting, 0,
            new CertificaatPoort.Uitkomst(gecertificeerd, ""), stops, new Caseloadstand(null, 0, []));
    }

    [Fact]
    public void Free_places_of_a_region_count_certified_regional_GIs_with_a_contract_there_and_without_a_stop_there()
    {
        Assert.Equal(10, RegioCapaciteit.Vrij("drenthe", [Stand("JBN", 30, 20), Stand("JBF", 10, 15), Stand("WSS", 100, 0)]));
        Assert.Equal(0, RegioCapaciteit.Vrij("drenthe", [Stand("JBN", 30, 20, gecertificeerd: false)]));
        Assert.Equal(0, RegioCapaciteit.Vrij("drenthe", [Stand("JBN", 30, 20, true, new Stop("JBN", ["drenthe"], [MaatregelType.Ots], true, true))]));
        Assert.Equal(10, RegioCapaciteit.Vrij("drenthe", [Stand("JBN", 30, 20, true, new Stop("JBN", ["groningen"], [MaatregelType.Ots], true, true))]));
        Assert.Contains("drenthe", RegioCapaciteit.AlleRegios);
    }

    [Fact]
    public void A_scenario_is_behind_when_fewer_switched_than_a_straight_line_to_its_deadline_asks()
    {
        var start = new DateOnly(2026, 1, 5);
        var deadline = start.AddDays(100);
        Assert.Equal(0, Traject.VerwachtOmgezet(40, start, deadline, start));
        Assert.Equal(20, Traject.VerwachtOmgezet(40, start, deadline, start.AddDays(50)));
        Assert.Equal(40, Traject.VerwachtOmgezet(40, start, deadline, deadline.AddDays(3)));
        Assert.Equal(5, Traject.Achterstand(40, 15, start, deadline, start.AddDays(50)));
        Assert.Equal(0, Traject.Achterstand(40, 25, start, deadline, start.AddDays(50)));
    }

    [Fact]
    public void Working_days_between_two_dates_skip_weekends_and_holidays()
    {
        var werkdagen = new Werkdagen(new Feestdagen());
        Assert.Equal(1, werkdagen.Tussen(new DateOnly(2025, 3, 7), new DateOnly(2025, 3, 10))); // Friday -> Monday
        Assert.Equal(0, werkdagen.Tussen(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 10)));
        Assert.Equal(3, werkdagen.Tussen(new DateOnly(2025, 12, 23), new DateOnly(2025, 12, 30))); // Christmas and Boxing Day off
        Assert.Equal(werkdagen.Na(Dag, 15), Enumerable.Range(1, 40).Select(Dag.AddDays).First(d => werkdagen.Tussen(Dag, d) == 15));
    }

    [Fact]
    public void A_deadline_is_due_soon_only_while_open_and_within_the_window()
    {
        var termijn = new Termijn(TermijnSoort.EersteContact, Dag.AddDays(14), null);
        Assert.True(termijn.VervaltBinnen(Dag, 14));
        Assert.False(termijn.VervaltBinnen(Dag.AddDays(-1), 14));
        Assert.False(termijn.VervaltBinnen(Dag.AddDays(15), 14)); // overdue, not due
        Assert.False((termijn with { VoldaanOp = Dag }).VervaltBinnen(Dag, 14));
    }

    [Fact]
    public void A_measure_waits_for_a_vaste_jeugdbeschermer_from_assignment_and_again_after_its_worker_leaves()
    {
        var m = Bouw.Maatregel();
        Assert.Equal(Bouw.Start, m.WachtOpVasteJeugdbeschermerSinds);
        m.WijsToe(ToewijzingSoort.Pool, "CCP", Bouw.Start.AddDays(2));
        Assert.Equal(Bouw.Start, m.WachtOpVasteJeugdbeschermerSinds);
        Assert.NotNull(m.WijsToe(ToewijzingSoort.Vast, "jb-17", Bouw.Start.AddDays(9)));
        Assert.Null(m.WijsToe(ToewijzingSoort.Vast, "jb-17", Bouw.Start.AddDays(9))); // the same assignment again: nothing new
        Assert.Equal(2, m.Toewijzingen.Count); // the pool and the vaste jeugdbeschermer, not a third
        Assert.Null(m.WachtOpVasteJeugdbeschermerSinds);
        m.WijsToe(ToewijzingSoort.Pool, "CCP", Bouw.Start.AddDays(40));
        Assert.Equal(Bouw.Start.AddDays(40), m.WachtOpVasteJeugdbeschermerSinds);
    }

    [Fact]
    public async Task The_stand_of_maatregelregistratie_is_read_from_its_database_per_GI()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("jbk-stand").FullName, "m.db");
        var diensten = new ServiceCollection().AddDbContext<MaatregelDbContext>(o => o.UseSqlite($"Data Source={file}")).BuildServiceProvider();
        var kind = Bouw.Jeugdige();
        var wachtend = Bouw.Maatregel(gi: "JBN", start: Dag.AddDays(-60), jeugdige: kind);
        var vast = Bouw.Maatregel(gi: "JBN", start: Dag.AddDays(-60), jeugdige: kind);
        vast.WijsToe(ToewijzingSoort.Vast, "jb-3", Dag.AddDays(-59));
        vast.RegistreerMijlpaal(MijlpaalSoort.EersteContact, Dag.AddDays(-58));
        await using (var scope = diensten.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaatregelDbContext>();
            await db.Database.EnsureCreatedAsync();
            db.Jeugdigen.Add(kind);
            db.Maatregelen.AddRange(wachtend, vast);
            await db.SaveChangesAsync();
        }
        var werkdagen = new Werkdagen(new Feestdagen());
        var stand = new MaatregelStand(new TermijnBerekening(Bouw.Opties, werkdagen), werkdagen, new Klok(Dag));

        await using var meting = diensten.CreateAsyncScope();
        var waarden = await stand.MeetAsync(meting.ServiceProvider, CancellationToken.None);

        double Waarde(string maat, params (string, string)[] labels) => waarden.Single(w => w.Maat == maat
            && labels.All(l => w.Labels.Contains(new KeyValuePair<string, object?>(l.Item1, l.Item2)))).Waarde;
        Assert.Equal(1, Waarde("jbk.maatregelen.zonder.vaste.jeugdbeschermer", ("gi", "JBN")));
        Assert.Equal(0, Waarde("jbk.maatregelen.zonder.vaste.jeugdbeschermer", ("gi", "JBF")));
        Assert.Equal(0, Waarde(MaatregelStand.Wachtend, ("gi", "JBN"), ("le", "40")));
        Assert.Equal(1, Waarde(MaatregelStand.Wachtend, ("gi", "JBN"), ("le", "+Inf")));
        Assert.Equal(1, Waarde("jbk.termijnen", ("gi", "JBN"), ("soort", "EersteContact"), ("stand", "verstreken")));
        Assert.Equal(2, Waarde("jbk.termijnen", ("gi", "JBN"), ("soort", "Veiligheidstaxatie"), ("stand", "verstreken")));
        Assert.Equal(0, Waarde("jbk.termijnen", ("gi", "JBF"), ("soort", "EersteContact"), ("stand", "verstreken")));
    }

    private sealed class Klok(DateOnly dag) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(dag.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, "PERMISSION_DENIED")]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    public void gRPC_codes_are_named_as_gRPC_names_them(StatusCode code, string naam) => Assert.Equal(naam, GrpcMeting.Code(code));

    [Theory]
    [InlineData("jbk.capaciteit.v1.CapaciteitService", "capaciteit")]
    [InlineData("jbk.maatregelen.v1.MaatregelService", "maatregelregistratie")]
    [InlineData("jbk.overdracht.v1.ScenarioService", "overdracht")]
    [InlineData("grpc.health.v1.Health", "platform")]
    public void A_gRPC_service_belongs_to_its_JBK_service(string grpcService, string dienst) => Assert.Equal(dienst, GrpcMeting.DienstVan(grpcService));

    [Fact]
    public void A_stuck_reason_is_counted_by_its_code_and_never_by_its_text()
    {
        Assert.Equal("PERMISSION_DENIED", OverdrachtStand.Reden("PermissionDenied: dienst:overdracht mag WijsToe niet"));
        Assert.Equal("OVERIG", OverdrachtStand.Reden("iets onverwachts met een id 3f2a"));
        Assert.Equal("capaciteit", BusMeting.Dienst("jbk-capaciteit-consumers-belasting-bij-registratie"));
        Assert.Equal("jbk-capaciteit-consumers-belasting-bij-registratie", BusMeting.Wachtrij(new Uri("rabbitmq://127.0.0.1/jbk-capaciteit-consumers-belasting-bij-registratie")));
    }
}
