using System.Diagnostics;

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
