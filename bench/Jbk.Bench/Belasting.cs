using System.Diagnostics;

namespace Jbk.Bench;

/// <summary>Calls/s and latency percentiles of one call made by so many concurrent callers for so long.</summary>
public sealed record Belastingsuitkomst(int Gelijktijdig, int Aanroepen, int Fouten, double PerSeconde, double P50Ms, double P99Ms)
{
    public override string ToString() => $"{Gelijktijdig,3} concurrent: {PerSeconde,8:0} calls/s, p50 {P50Ms,6:0.00} ms, p99 {P99Ms,7:0.00} ms ({Fouten} errors)";
}

public static class Belasting
{
    /// <summary>Warms up for three seconds (the JIT settles), then keeps <paramref name="gelijktijdig"/> callers busy for <paramref name="duur"/>.</summary>
    public static async Task<Belastingsuitkomst> MeetAsync(Func<Task> aanroep, int gelijktijdig, TimeSpan duur)
    {
        await DraaiAsync(aanroep, gelijktijdig, TimeSpan.FromSeconds(3), null);
        var tijden = new List<double>[gelijktijdig];
        var fouten = 0;
        var klok = Stopwatch.StartNew();
        await DraaiAsync(aanroep, gelijktijdig, duur, (i, ms, fout) =>
        {
            (tijden[i] ??= []).Add(ms);
            if (fout) Interlocked.Increment(ref fouten);
        });
        var verstreken = klok.Elapsed.TotalSeconds;
        var alle = tijden.Where(t => t is not null).SelectMany(t => t).Order().ToArray();
        double P(double q) => alle.Length == 0 ? double.NaN : alle[Math.Min(alle.Length - 1, (int)(q * alle.Length))];
        return new(gelijktijdig, alle.Length, fouten, alle.Length / verstreken, P(0.5), P(0.99));
    }

    private static Task DraaiAsync(Func<Task> aanroep, int gelijktijdig, TimeSpan duur, Action<int, double, bool>? meet)
    {
        var einde = Stopwatch.GetTimestamp() + (long)(duur.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, gelijktijdig).Select(i => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < einde)
            {
                var start = Stopwatch.GetTimestamp();
                var fout = false;
                try { await aanroep(); }
                catch (Exception) { fout = true; }
                meet?.Invoke(i, Stopwatch.GetElapsedTime(start).TotalMilliseconds, fout);
            }
        })));
    }
}
