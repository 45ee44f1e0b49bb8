using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Overdracht.V1;
using Jbk.Simulatie;
using Npgsql;
using Xunit.Abstractions;

namespace Jbk.IntegrationTests;

/// <summary>Two instances of every service on one PostgreSQL database per service and one RabbitMQ, behind the gateway.</summary>
public sealed class ReplicaPlatform() : DistributedPlatform(replicas: 2);

// Alone, after the other collections: eleven processes on two cores are enough without another platform beside them.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaPlatform>
{
    public const string Name = "two replicas of every service";
}

[Collection(ReplicaCollection.Name)]
public sealed class ReplicaTests(ReplicaPlatform platform, ITestOutputHelper output)
{
    private const int Aantal = 60;
    private static readonly DateOnly Start = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_Drenthe_scenario_completes_through_the_gateway_while_one_instance_of_every_service_is_killed()
    {
        await using var tap = await PublicatieTap.StartAsync(TestEnvironment.RabbitMq);
        var k = Gateway();
        await SynthetischeCaseload.SluitContractenAsync(k, ["JBF", "JBO"], "drenthe", Start);
        await SynthetischeCaseload.LaadAsync(k, "JBN", "drenthe", DrentheScenario.Caseload(Aantal, Start, seed: 11), Start, $"replica-test:{Guid.NewGuid()}", seed: 11);
        var id = Guid.NewGuid().ToString();
        var scenarios = k.Scenarios(Organisatie.Operator);
        var dryRun = (await scenarios.PlanScenarioAsync(ScenarioAanvragen.Van(Guid.Parse(id), DrentheScenario.Scenario(Start, Aantal / 388.0), ScenarioTempo.Versneld))).DryRun;
        Assert.Equal(Aantal, dryRun.AantalMaatregelen);
        await scenarios.KeurScenarioGoedAsync(new KeurScenarioGoedRequest { ScenarioId = id });

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var partners = new Ketenpartners(k).DraaiAsync(id, ct: cts.Token);
        await Eventually.HoldsAsync(async () =>
        {
            var v = (await scenarios.GeefScenarioVoortgangAsync(new GeefScenarioVoortgangRequest { ScenarioId = id })).Voortgang;
            return v.Omgezet + v.Voltooid >= Aantal / 3;
        }, "a third of the scenario switched with two instances of everything", TimeSpan.FromMinutes(4));
        // Two relays per service, yet until now every event went out once.
        Assert.True(tap.Gepubliceerd > Aantal, $"only {tap.Gepubliceerd} events seen");
        Assert.Empty(tap.Dubbel);

        // kill -9 one instance of every service, at random points of the run.
        var toeval = new Random();
        foreach (var dienst in Topologie.Topologie.Diensten)
        {
            var slachtoffer = platform.Instanties(dienst.Naam).ElementAt(toeval.Next(2));
            await Task.Delay(TimeSpan.FromMilliseconds(toeval.Next(500, 4000)));
            output.WriteLine($"kill -9 {slachtoffer.Name}");
            slachtoffer.Kill();
        }

        var eind = await partners;
        output.WriteLine($"{eind.Voltooid} voltooid; {tap.Gepubliceerd} events, {tap.Dubbel.Count} twice (a relay killed between publish and mark)");
        var rapport = (await scenarios.GeefContinuiteitsrapportAsync(new GeefContinuiteitsrapportRequest { ScenarioId = id })).Rapport;
        Assert.True(rapport.AlleRegelsGehaald, string.Join(Environment.NewLine, rapport.Regels.Where(r => !r.Geslaagd).Select(r => $"{r.Regel}: {r.Toelichting}")));
        Assert.Equal(Aantal, rapport.Maatregelen.Count);
        Assert.All(rapport.Maatregelen, m => Assert.Equal([m.NieuweGi], m.VerantwoordelijkNu.ToArray()));

        // One switch per handover and measure in maatregelregistratie; every switched handover's reservations turned into
        // load in capaciteit, none released by a second instance (exactly one per type: the key is unique).
        var switches = await TelAsync("maatregelregistratie",
            """SELECT "OverdrachtId"::text, count(*) FROM verantwoordelijkheden WHERE "OverdrachtId" IS NOT NULL GROUP BY "OverdrachtId", "MaatregelId" """);
        Assert.Equal(Aantal, switches.Count);
        Assert.All(switches, s => Assert.Equal(1, s.Aantal));
        // The reservations give way to load as capaciteit counts the switched measures (from the switch's events).
        var overdrachten = switches.Select(s => s.Sleutel).Distinct().ToList();
        Dictionary<string, long> nietOmgezet = [];
        await Eventually.HoldsAsync(async () =>
        {
            nietOmgezet = (await TelAsync("capaciteit",
                """SELECT split_part("IdempotentieSleutel", ':', 2), count(*) FILTER (WHERE "Status" <> 'Omgezet') FROM reserveringen WHERE "IdempotentieSleutel" LIKE 'overdracht:%' GROUP BY 1"""))
                .ToDictionary(r => r.Sleutel, r => r.Aantal);
            return overdrachten.All(o => nietOmgezet.GetValueOrDefault(o, -1) == 0);
        }, $"every switched handover's reservations are load ({string.Join(", ", overdrachten.Where(o => nietOmgezet.GetValueOrDefault(o, -1) != 0).Take(5))} not yet)",
            TimeSpan.FromSeconds(60));
    }

    private async Task<List<(string Sleutel, long Aantal)>> TelAsync(string dienst, string sql)
    {
        await using var verbinding = new NpgsqlConnection(platform.DatabaseConnectionString(dienst));
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(sql, verbinding);
        await using var lezer = await opdracht.ExecuteReaderAsync();
        var rijen = new List<(string, long)>();
        while (await lezer.ReadAsync()) rijen.Add((lezer.GetString(0), lezer.GetInt64(1)));
        return rijen;
    }

    /// <summary>Every service through the gateway's one address, as a client outside the cluster calls it.</summary>
    private Kanalen Gateway()
    {
        var kanalen = new Dictionary<Organisatie, CallInvoker>();
        CallInvoker Naar(Organisatie org)
        {
            lock (kanalen) return kanalen.TryGetValue(org, out var k) ? k : kanalen[org] = platform.Channel(platform.Gateway, org).CreateCallInvoker();
        }
        return new Kanalen(Naar, Naar, Naar);
    }
}
