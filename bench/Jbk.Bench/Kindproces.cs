using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Jbk.Bench;

/// <summary>
/// A process the benchmark starts (the platform, the echo server): its output goes to a log file, it is stopped when
/// disposed, also when starting it failed, and waiting for it has a time-out that says what did not come up.
/// </summary>
public sealed class Kindproces : IAsyncDisposable
{
    private readonly Process _proces;
    public string Log { get; }

    private Kindproces(Process proces, string log) => (_proces, Log) = (proces, log);

    public static Kindproces Start(string naam, string werkmap, IReadOnlyDictionary<string, string> omgeving, params string[] argumenten)
    {
        Directory.CreateDirectory(werkmap);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = werkmap, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in argumenten) start.ArgumentList.Add(a);
        foreach (var (k, v) in omgeving) start.Environment[k] = v;
        var log = Path.Combine(werkmap, $"{naam}.log");
        var schrijver = new StreamWriter(log) { AutoFlush = true };
        var proces = new Process { StartInfo = start };
        proces.OutputDataReceived += (_, e) => { if (e.Data is { } d) lock (schrijver) schrijver.WriteLine(d); };
        proces.ErrorDataReceived += (_, e) => { if (e.Data is { } d) lock (schrijver) schrijver.WriteLine(d); };
        proces.Start();
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        return new Kindproces(proces, log);
    }

    /// <summary>Polls <paramref name="klaar"/> until it holds; fails naming the process and its log when it exits or the time is up.</summary>
    public async Task WachtTotKlaarAsync(string wat, Func<Task<bool>> klaar, TimeSpan termijn)
    {
        var tot = DateTime.UtcNow + termijn;
        while (DateTime.UtcNow < tot)
        {
            if (_proces.HasExited) throw new InvalidOperationException($"{wat} stopte bij het starten (code {_proces.ExitCode}); zie {Log}.");
            try { if (await klaar()) return; }
            catch (Exception) { /* not yet listening */ }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{wat} was na {termijn.TotalSeconds:0} s niet klaar; zie {Log}.");
    }

    /// <summary>
    /// The first of <paramref name="aantal"/> consecutive free ports below the range the system hands out for outgoing
    /// connections (a block there may be taken by any connection a moment later).
    /// </summary>
    public static int VrijBlok(int aantal)
    {
        var toeval = new Random();
        for (var poging = 0; poging < 100; poging++)
        {
            var begin = toeval.Next(20_000, 30_000 - aantal);
            if (Enumerable.Range(begin, aantal).All(IsVrij)) return begin;
        }
        throw new InvalidOperationException($"Geen {aantal} vrije poorten op een rij gevonden tussen 20000 en 30000.");
    }

    private static bool IsVrij(int poort)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, poort);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException) { return false; }
    }

    public static int VrijePoort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var poort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return poort;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_proces.HasExited)
        {
            _proces.Kill(entireProcessTree: true);
            await _proces.WaitForExitAsync();
        }
        _proces.Dispose();
    }
}
