using Jbk.Topologie;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// A real Prometheus (Debian's package; scripts/test.sh installs it) on a loopback port of its own, with its own storage
/// folder, scraping what the topology renders and loading the shipped rule files. Queried over its HTTP API.
/// </summary>
public sealed class PrometheusProces : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _log;

    private PrometheusProces(Process process, string log, int poort)
    {
        _process = process;
        _log = log;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{poort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Http { get; }

    public static string Binary(string naam) =>
        new[] { $"/usr/bin/{naam}", $"/usr/local/bin/{naam}" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{naam} is not installed: scripts/test.sh installs Debian's 'prometheus' package (with promtool).");

    public static async Task<PrometheusProces> StartAsync(string configuratie, string map)
    {
        var config = Path.Combine(map, "prometheus.yml");
        await File.WriteAllTextAsync(config, configuratie);
        var poort = VrijePoorten.Een();
        var log = Path.Combine(map, "prometheus.log");
        var info = new ProcessStartInfo(Binary("prometheus"),
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(map, "tsdb")}", $"--web.listen-address=127.0.0.1:{poort}", "--log.level=warn"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = map,
        };
        var process = Process.Start(info)!;
        var schrijver = new StreamWriter(log, append: true) { AutoFlush = true };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (schrijver) schrijver.WriteLine(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (schrijver) schrijver.WriteLine(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var prometheus = new PrometheusProces(process, log, poort);
        try
        {
            var tot = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"prometheus stopped with {process.ExitCode}:\n{prometheus.Tail()}");
                try { if ((await prometheus.Http.GetAsync("-/ready")).IsSuccessStatusCode) return prometheus; }
                catch (HttpRequestException) { }
                if (DateTime.UtcNow > tot) throw new TimeoutException($"prometheus not ready within 30 s:\n{prometheus.Tail()}");
                await Task.Delay(200);
            }
        }
        catch
        {
            await prometheus.DisposeAsync(); // a start that fails stops what it started
            throw;
        }
    }

    /// <summary>An instant query: the result vector (empty when nothing matches); a query Prometheus refuses throws with its error.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        using var antwoord = await Http.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(promql));
        var json = await antwoord.Content.ReadFromJsonAsync<JsonElement>();
        if (json.GetProperty("status").GetString() != "success")
            throw new InvalidOperationException($"Prometheus weigert '{promql}': {json.GetProperty("error").GetString()}");
        return json.GetProperty("data").GetProperty("result");
    }

    public async Task<JsonElement> GetAsync(string pad)
    {
        var json = await Http.GetFromJsonAsync<JsonElement>(pad);
        if (json.GetProperty("status").GetString() != "success") throw new InvalidOperationException($"{pad}: {json}");
        return json.GetProperty("data");
    }

    public string Tail() { try { return string.Join('\n', File.ReadLines(_log).TakeLast(30)); } catch (IOException) { return "(no log)"; } }

    public ValueTask DisposeAsync()
    {
        try { if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } }
        catch (InvalidOperationException) { }
        _process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}
