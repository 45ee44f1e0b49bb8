using System.CommandLine;
using Jbk.Maatregelen.V1;

namespace Jbk.Cli.Commands;

internal static class MaatregelCommands
{
    public static Command Maak() => new("maatregel", "Maatregelregistratie: registreren en inzien") { Registreer(), Toon() };

    private static Command Registreer()
    {
        var type = new Option<string>("--type") { Description = "ots, voorlopigeots, muhp, voogdij, voorlopigevoogdij, jeugdreclassering", Required = true };
        var gi = new Option<string>("--gi") { Description = "Code van de verantwoordelijke GI, bijv. JBN", Required = true };
        var regio = new Option<string>("--regio") { Description = "Jeugdregio die betaalt, bijv. drenthe", Required = true };
        var start = new Option<string>("--start") { Description = "Startdatum jjjj-mm-dd", Required = true };
        var eind = new Option<string?>("--eind") { Description = "Einddatum jjjj-mm-dd" };
        var sleutel = new Option<string>("--sleutel")
        {
            Description = "Idempotentiesleutel: dezelfde sleutel nogmaals geeft dezelfde maatregel",
            DefaultValueFactory = _ => Guid.NewGuid().ToString(),
        };
        var command = new Command("registreer", "Registreert een nieuwe maatregel") { type, gi, regio, start, eind, sleutel };
        command.SetAction(async (r, ct) =>
        {
            var request = new RegistreerMaatregelRequest
            {
                IdempotentieSleutel = r.GetValue(sleutel),
                Type = Parse.Type(r.GetValue(type)!),
                GiCode = r.GetValue(gi),
                Regio = r.GetValue(regio),
                Startdatum = Parse.Datum(r.GetValue(start)!, "--start"),
            };
            if (r.GetValue(eind) is { } e) request.Einddatum = Parse.Datum(e, "--eind");
            using var channel = Verbinding.Open(r);
            var antwoord = await new MaatregelService.MaatregelServiceClient(channel).RegistreerMaatregelAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => $"Maatregel geregistreerd: {Beschrijf(antwoord.Maatregel)}");
        });
        return command;
    }

    private static Command Toon()
    {
        var id = new Argument<string>("maatregel-id");
        var command = new Command("toon", "Toont één maatregel") { id };
        command.SetAction(async (r, ct) =>
        {
            using var channel = Verbinding.Open(r);
            var antwoord = await new MaatregelService.MaatregelServiceClient(channel)
                .GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = r.GetValue(id) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Maatregel));
        });
        return command;
    }

    private static string Beschrijf(Maatregel m) =>
        $"{m.Id} {Parse.Tekst(m.Type)} bij {m.VerantwoordelijkeGi} in {m.Regio}, {Parse.Tekst(m.Startdatum)} t/m {Parse.Tekst(m.Einddatum)}";
}
