using System.Diagnostics;
using System.Text;

namespace Jbk.Bench;

/// <summary>
/// A program the benchmark runs to its end (the repository's scripts, pgbench): its output goes to a log and is
/// returned; a time-out kills it with its children and names it; a failure names its log.
/// </summary>
public static class Opdracht
{
    public static async Task<string> DraaiAsync(string naam, string werkmap, IReadOnlyDictionary<string, string> omgeving, TimeSpan termijn,
        string programma, params string[] argumenten)
    {
        Directory.CreateDirectory(werkmap);
        var start = new ProcessStartInfo(programma) { WorkingDirectory = Repo.Wortel, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in argumenten) start.ArgumentList.Add(a);
        foreach (var (k, v) in omgeving) start.Environment[k] = v;
        var log = Path.Combine(werkmap, $"{naam}.log");
        var uitvoer = new StringBuilder();
        await using var schrijver = new StreamWriter(log) { AutoFlush = true };
        using var proces = new Process { StartInfo = start };
        proces.OutputDataReceived += (_, e) => { if (e.Data is { } d) lock (schrijver) { schrijver.WriteLine(d); uitvoer.AppendLine(d); } };
        proces.ErrorDataReceived += (_, e) => { if (e.Data is { } d) lock (schrijver) schrijver.WriteLine(d); };
        proces.Start();
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        using var tijd = new CancellationTokenSource(termijn);
        try { await proces.WaitForExitAsync(tijd.Token); }
        catch (OperationCanceledException)
        {
            proces.Kill(entireProcessTree: true);
            await proces.WaitForExitAsync();
            throw new TimeoutException($"{naam} duurde langer dan {termijn.TotalSeconds:0} s en is gestopt; zie {log}.");
        }
        proces.WaitForExit(); // the output's last lines
        if (proces.ExitCode != 0) throw new InvalidOperationException($"{naam} faalde (code {proces.ExitCode}); zie {log}.");
        lock (schrijver) return uitvoer.ToString();
    }
}
