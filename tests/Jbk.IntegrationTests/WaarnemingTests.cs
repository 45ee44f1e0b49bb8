using System.Text.RegularExpressions;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Jbk.IntegrationTests;

/// <summary>
/// The operators' view against the running platform: every panel of every shipped dashboard and every shipped alert
/// has data in a real Prometheus; refusals are counted under their gRPC code; the figures survive a restart.
/// </summary>
[Collection(WaarnemingsCollection.Name)]
public sealed class WaarnemingTests(WaarnemingsPlatform w, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_panel_of_every_dashboard_and_every_alert_rule_returns_data_in_Prometheus()
    {
        await w.VerkeerAsync();
        var uitkomst = await Panelcontrole.ControleerAsync(w.Prometheus, TimeSpan.FromSeconds(90));
        Assert.True(uitkomst.Panelvragen >= 25, $"{uitkomst.Panelvragen} panel queries");
        Assert.True(uitkomst.ZonderData.Count == 0, "Zonder data:\n" + string.Join('\n', uitkomst.ZonderData.Select(v => $"{v.Waar}: {v.Promql}")));
        output.WriteLine($"{uitkomst.Panelvragen} panelvragen, {uitkomst.Variabelen} variabelen en {uitkomst.Regels} regels met data");
    }

    [Fact]
    public async Task A_refusal_and_an_unknown_id_are_counted_under_their_gRPC_status()
    {
        await w.VerkeerAsync();
        await w.WeigeringenAsync();
        await w.Platform.CapaciteitClient(Organisatie.Rvdk).VraagBeschikbaarheidAsync(new VraagBeschikbaarheidRequest { Regio = "drenthe", Type = MaatregelType.Ots.ToProto() });
        static bool Geteld(IReadOnlyDictionary<string, string> metrics, string methode, string status) => metrics.Any(m =>
            m.Key.StartsWith("jbk_grpc_server_duur_seconds_count{", StringComparison.Ordinal)
            && m.Key.Contains($"rpc_method=\"{methode}\"") && m.Key.Contains($"grpc_status=\"{status}\"") && double.Parse(m.Value) >= 1);

        await Eventually.HoldsAsync(async () => Geteld(await WaarnemingsPlatform.MetricsAsync(w.Platform.Overdracht), "PlanScenario", "PERMISSION_DENIED"),
            "PlanScenario by a GI counted as PERMISSION_DENIED");
        await Eventually.HoldsAsync(async () => Geteld(await WaarnemingsPlatform.MetricsAsync(w.Platform.Maatregelregistratie), "GeefMaatregel", "NOT_FOUND"),
            "GeefMaatregel of an unknown id counted as NOT_FOUND");
        await Eventually.HoldsAsync(async () => Geteld(await WaarnemingsPlatform.MetricsAsync(w.Platform.Capaciteit), "ListInstellingen", "UNAUTHENTICATED"),
            "a call without a token counted as UNAUTHENTICATED");
        var ok = await WaarnemingsPlatform.MetricsAsync(w.Platform.Capaciteit);
        Assert.True(Geteld(ok, "VraagBeschikbaarheid", "OK"), "availability questions counted as OK");
        Assert.DoesNotContain(ok.Keys, k => k.Contains("grpc_status=\"OK\"") && k.Contains("rpc_method=\"ListInstellingen\""));
    }

    [Fact]
    public async Task The_domain_figures_come_back_with_the_same_values_after_a_restart()
    {
        await w.VerkeerAsync();
        // A staffing figure only this test sets, so the capacity it gives is known.
        await w.Platform.CapaciteitClient(Organisatie.Operator).StelBezettingInAsync(new StelBezettingInRequest
        {
            Bezetting = new Bezetting { GiCode = "JBB", FteTotaal = 7, Norm = 12, Opleidingsfactor = 0.5 },
        });
        var diensten = new[] { w.Platform.Capaciteit, w.Platform.Overdracht, w.Platform.Maatregelregistratie };
        var voor = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        await Eventually.HoldsAsync(async () =>
            (await WaarnemingsPlatform.MetricsAsync(w.Platform.Capaciteit)).Any(m => m.Key.StartsWith("jbk_gi_capaciteit{") && m.Key.Contains("gi=\"JBB\"") && m.Value == "84"),
            "capaciteit measured JBB's capacity of 7 FTE x 12 = 84", TimeSpan.FromSeconds(40));
        // The finished scenario as overdracht measures it: every measure completed or (none in practice) not placeable.
        IReadOnlyDictionary<string, string> scenario = new Dictionary<string, string>();
        double Aantal(string status) => scenario.Where(m => m.Key.StartsWith("jbk_scenario_maatregelen{") && m.Key.Contains($"status=\"{status}\""))
            .Sum(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));
        await Eventually.HoldsAsync(async () =>
            {
                scenario = Stand(await WaarnemingsPlatform.MetricsAsync(w.Platform.Overdracht));
                return Aantal("voltooid") > 0 && Aantal("voltooid") + Aantal("nietplaatsbaar") == WaarnemingsPlatform.Aantal;
            },
            $"overdracht measured the finished scenario of {WaarnemingsPlatform.Aantal} measures", TimeSpan.FromSeconds(40));
        await Task.Delay(TimeSpan.FromSeconds(3)); // one more measurement round: every figure is the database's now
        foreach (var d in diensten) voor[d.Name] = Stand(await WaarnemingsPlatform.MetricsAsync(d));
        Assert.Contains(voor["maatregelregistratie"], m => m.Key.StartsWith("jbk_termijnen{") && m.Value != "0");

        foreach (var d in diensten)
        {
            d.Kill();
            await w.Platform.StartAsync(d);
        }
        foreach (var d in diensten)
        {
            IReadOnlyDictionary<string, string> na = new Dictionary<string, string>();
            await Eventually.HoldsAsync(async () => voor[d.Name].Keys.All((na = Stand(await WaarnemingsPlatform.MetricsAsync(d))).ContainsKey),
                $"{d.Name} reports its figures again after the restart", TimeSpan.FromSeconds(40));
            var anders = voor[d.Name].Where(m => na[m.Key] != m.Value).Select(m => $"{m.Key}: {m.Value} -> {na[m.Key]}").ToList();
            Assert.True(anders.Count == 0, $"{d.Name} na herstart:\n" + string.Join('\n', anders));
            output.WriteLine($"{d.Name}: {voor[d.Name].Count} reeksen gelijk na herstart");
        }
    }

    [Theory]
    [InlineData("-(max by (gi) (jbk_gi_vrij)) > 0 and on (gi) max by (gi) (jbk_gi_capaciteit) > 0", "jbk_gi_vrij jbk_gi_capaciteit")]
    [InlineData("sum by (dienst) (rate(jbk_grpc_server_duur_seconds_count{grpc_status=~\"INTERNAL|UNKNOWN\"}[5m])) / sum(rate(x[5m])) > 0.05", "jbk_grpc_server_duur_seconds_count x")]
    [InlineData("jbk:wachtend_langer_dan_15_werkdagen > 0", "jbk:wachtend_langer_dan_15_werkdagen")]
    [InlineData("up{job=\"jbk\"} == 0", "up")]
    public void The_metrics_an_expression_reads_are_found(string promql, string verwacht) =>
        Assert.Equal(verwacht.Split(' '), Panelcontrole.Metrieken(promql));

    /// <summary>The figures of the chain measured from the database (no ages, no counters of this process's own calls).</summary>
    private static Dictionary<string, string> Stand(IReadOnlyDictionary<string, string> metrics) => metrics
        .Where(m => Regex.IsMatch(m.Key, "^jbk_(gi_|regio_|maatregelen_|termijnen|overdrachten|scenario_|clientenstops)") && !m.Key.Contains("_seconden"))
        .ToDictionary(m => m.Key, m => m.Value);
}
