using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Jbk.UnitTests;

/// <summary>The deployment tools the tests ask (kubectl, docker-compose, node), run in the checkout with a time-out.</summary>
internal static class Gereedschap
{
    public static string Draai(string programma, string argumenten, string? invoer = null)
    {
        var info = new ProcessStartInfo(programma, argumenten)
        {
            WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = invoer is not null,
            UseShellExecute = false,
        };
        Process proces;
        try { proces = Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{programma} ontbreekt: scripts/test.sh installeert het (Debian: docker-compose; kubectl; npm ci voor node_modules).");
        }
        using var _ = proces;
        var uit = proces.StandardOutput.ReadToEndAsync();
        var fout = proces.StandardError.ReadToEndAsync();
        if (invoer is not null)
        {
            // A tool that stops before reading all of its input (a missing module) closes the pipe: its exit code and
            // error output below say why, not the failed write.
            var invoerStroom = proces.StandardInput.BaseStream;
            try { invoerStroom.Write(System.Text.Encoding.UTF8.GetBytes(invoer)); }
            catch (IOException) { }
            finally { try { invoerStroom.Close(); } catch (IOException) { } }
        }
        if (!proces.WaitForExit(60_000)) { proces.Kill(entireProcessTree: true); throw new TimeoutException($"{programma} {argumenten} hing langer dan een minuut."); }
        Assert.True(proces.ExitCode == 0, $"{programma} {argumenten}: exit {proces.ExitCode}\n{fout.Result}{uit.Result}");
        return uit.Result;
    }

    public static IList<YamlDocument> Laad(string tekst)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(tekst));
        return stream.Documents;
    }
}
