using System.CommandLine;
using Google.Protobuf;

namespace Jbk.Cli;

internal static class Uitvoer
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    /// <summary>JSON with --json, otherwise the readable text.</summary>
    public static void Toon(ParseResult r, IMessage bericht, Func<string> tekst) =>
        Console.WriteLine(r.GetValue(GlobaleOpties.Json) ? Formatter.Format(bericht) : tekst());
}
