using System.Diagnostics;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>The jbk command line as its own process, as a person or a script runs it.</summary>
internal static class Cli
{
    private static string Dll => Path.Combine(TestEnvironment.RepoRoot, "services", "Cli", "Jbk.Cli", "bin", TestEnvironment.Configuration, "net10.0", "jbk.dll");

    public static async Task<(int ExitCode, string Uitvoer, string Fouten)> RunAsync(TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var uitvoer = process.StandardOutput.ReadToEndAsync();
        var fouten = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"jbk {string.Join(' ', args)} did not finish within {timeout}: {await fouten}");
        }
        return (process.ExitCode, await uitvoer, await fouten);
    }
}
