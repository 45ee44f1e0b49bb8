using System.Diagnostics;
using Jbk.IntegrationTests.Infrastructure;

namespace Jbk.IntegrationTests;

/// <summary>
/// Prometheus's own checks of what ships: compose's scrape configuration (rendered from the topology) with its rules,
/// the rule file, and the rules' unit tests (every alert fires where its rule is broken and stays silent where it holds).
/// The Kubernetes configuration uses kubernetes_sd, which Debian's promtool is built without: its structure is checked
/// in the unit tests.
/// </summary>
public sealed class PromtoolTests
{
    private static readonly string Map = Path.Combine(TestEnvironment.RepoRoot, "deploy", "prometheus");

    [Theory]
    [InlineData("check", "config", "prometheus.yml")]
    [InlineData("check", "rules", "rules/jbk-alerts.yml")]
    [InlineData("test", "rules", "tests/jbk-alerts.test.yml")]
    public async Task Promtool_accepts_what_ships(string opdracht, string soort, string bestand)
    {
        var info = new ProcessStartInfo(PrometheusProces.Binary("promtool"), [opdracht, soort, bestand])
        {
            WorkingDirectory = Map, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var proces = Process.Start(info)!;
        var uit = proces.StandardOutput.ReadToEndAsync();
        var fout = proces.StandardError.ReadToEndAsync();
        using var termijn = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // rule tests evaluate hours of series: a minute under load is not enough
        try { await proces.WaitForExitAsync(termijn.Token); }
        catch (OperationCanceledException)
        {
            proces.Kill(entireProcessTree: true);
            throw new TimeoutException($"promtool {opdracht} {soort} {bestand} did not finish within five minutes");
        }
        Assert.True(proces.ExitCode == 0, $"promtool {opdracht} {soort} {bestand}: exit {proces.ExitCode}\n{await uit}\n{await fout}");
        Assert.Contains("SUCCESS", await uit + await fout);
    }
}
