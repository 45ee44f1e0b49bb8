using System.CommandLine;
using System.Text;
using Jbk.Clientenstop.V1;

namespace Jbk.Cli.Commands;

internal static class ClientenstopCommands
{
    public static Command Maak() => new("clientenstop", "Cliëntenstop: voorstellen, goedkeuren, afwijzen, bezwaar, opheffen, verlengen, inzien")
    {
        Instroom(), Voorstel(), Goedkeuren(), Afwijzen(), Bezwaar(), Opheffen(), Verlengen(), Toon(),
    };

    private static ClientenstopService.ClientenstopServiceClient Client(ParseResult r) => new(Verbinding.Open(r));

    private static Command Instroom()
    {
        var regio = new Option<string>("--regio") { Description = "Regio, bijv. drenthe", Required = true };
        var type = new Option<string?>("--type") { Description = "Alleen dit type maatregel" };
        var command = new Command("instroom", "Nieuwe maatregelen per week in een regio") { regio, type };
        command.SetAction(async (r, ct) =>
        {
            var request = new GeefInstroomRequest { Regio = r.GetValue(regio) };
            if (r.GetValue(type) is { } t) request.Type = Parse.Type(t);
            var antwoord = await Client(r).GeefInstroomAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => antwoord.Weken.Count == 0 ? "Geen instroom bekend."
                : string.Join(Environment.NewLine, antwoord.Weken.Select(w => $"{w.Week} {Parse.Tekst(w.Type),-20} {w.GiCode,-6} {w.Aantal,5}")));
        });
        return command;
    }

    private static Command Voorstel()
    {
        var regio = new Option<string[]>("--regio") { Required = true };
        var type = new Option<string[]>("--type") { Required = true };
        var spoed = new Option<bool>("--ook-spoed") { Description = "Ook spoedzaken stoppen (standaard blijven die open)" };
        var jr = new Option<bool>("--ook-jr") { Description = "Ook jeugdreclassering stoppen (standaard blijft die open)" };
        var van = new Option<string>("--van") { Required = true };
        var tot = new Option<string>("--tot") { Required = true };
        var reden = new Option<string>("--reden") { Required = true };
        var id = new Option<string>("--id") { DefaultValueFactory = _ => Guid.NewGuid().ToString() };
        var command = new Command("voorstel", "Stelt een cliëntenstop voor (GI)") { regio, type, spoed, jr, van, tot, reden, id };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).StelStopVoorAsync(new StelStopVoorRequest
            {
                StopId = r.GetValue(id), Regios = { r.GetValue(regio) ?? [] }, MaatregelTypes = { (r.GetValue(type) ?? []).Select(Parse.Type) },
                SpoedOokStoppen = r.GetValue(spoed), JrOokStoppen = r.GetValue(jr), Van = Parse.Datum(r.GetValue(van)!, "--van"),
                Tot = Parse.Datum(r.GetValue(tot)!, "--tot"), Reden = r.GetValue(reden),
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Stop));
        });
        return command;
    }

    private static Command Goedkeuren()
    {
        var id = new Argument<string>("stop-id");
        var regio = new Option<string?>("--regio") { Description = "Voor een gemeente: de regio waarvoor zij goedkeurt" };
        var command = new Command("goedkeuren", "Keurt goed (gemeente van de regio, of de RvdK)") { id, regio };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).KeurStopGoedAsync(new KeurStopGoedRequest { StopId = r.GetValue(id), Regio = r.GetValue(regio) ?? "" }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Stop));
        });
        return command;
    }

    private static Command Afwijzen()
    {
        var id = new Argument<string>("stop-id");
        var regio = new Option<string?>("--regio");
        var reden = new Option<string>("--reden") { Required = true };
        var command = new Command("afwijzen", "Wijst af; het voorstel eindigt (gemeente van de regio, of de RvdK)") { id, regio, reden };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).WijsStopAfAsync(new WijsStopAfRequest { StopId = r.GetValue(id), Regio = r.GetValue(regio) ?? "", Reden = r.GetValue(reden) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Stop));
        });
        return command;
    }

    private static Command Bezwaar()
    {
        var id = new Argument<string>("stop-id");
        var reden = new Option<string>("--reden") { Required = true };
        var command = new Command("bezwaar", "Maakt bezwaar (rechtbank, collega-GI)") { id, reden };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).MaakBezwaarAsync(new MaakBezwaarRequest { StopId = r.GetValue(id), Reden = r.GetValue(reden) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Stop));
        });
        return command;
    }

    private static Command Opheffen()
    {
        var id = new Argument<string>("stop-id");
        var command = new Command("opheffen", "Heft de eigen stop eerder op (GI); de goedkeurders worden geïnformeerd") { id };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).HefStopOpAsync(new HefStopOpRequest { StopId = r.GetValue(id) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Stop));
        });
        return command;
    }

    private static Command Verlengen()
    {
        var id = new Argument<string>("stop-id");
        var tot = new Option<string>("--tot") { Required = true };
        var command = new Command("verlengen", "Stelt een latere einddatum voor; vraagt nieuwe goedkeuringen") { id, tot };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).StelVerlengingVoorAsync(new StelVerlengingVoorRequest { StopId = r.GetValue(id), Tot = Parse.Datum(r.GetValue(tot)!, "--tot") }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Stop));
        });
        return command;
    }

    private static Command Toon()
    {
        var id = new Argument<string>("stop-id");
        var command = new Command("toon", "Een stop met geschiedenis, ontbrekende goedkeuringen en de impactanalyse") { id };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).GeefStopAsync(new GeefStopRequest { StopId = r.GetValue(id) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () =>
            {
                var i = antwoord.Impact;
                var tekst = new StringBuilder(Beschrijf(antwoord.Stop));
                tekst.Append($"{Environment.NewLine}Impact: instroom {i.InstroomPerWeek:0.#} per week, vrij bij anderen {i.VrijBijAnderen:0.#}, "
                    + (i.Onbeperkt ? "geen instroom in scope" : $"opvang voor {i.WekenOpvangbaar:0.#} weken"));
                foreach (var p in i.PerType) tekst.Append($"{Environment.NewLine}  {Parse.Tekst(p.Type),-20} {p.InstroomPerWeek,5:0.#}/week, {p.AantalAfnemers} afnemer(s)");
                if (i.TypesZonderAfnemer.Count > 0) tekst.Append($"{Environment.NewLine}  GEEN AFNEMER voor: {string.Join(", ", i.TypesZonderAfnemer.Select(Parse.Tekst))}");
                return tekst.ToString();
            });
        });
        return command;
    }

    private static string Beschrijf(Clientenstop.V1.Stop s)
    {
        var tekst = new StringBuilder($"{s.Id} {s.GiCode} {s.Status}: {string.Join(", ", s.MaatregelTypes.Select(Parse.Tekst))} in {string.Join(", ", s.Regios)} "
            + $"van {Parse.Tekst(s.Van)} tot {Parse.Tekst(s.Tot)}{(s.SpoedUitgezonderd ? "; spoed open" : "")}{(s.JrUitgezonderd ? "; JR open" : "")}");
        if (s.OntbrekendeGoedkeuringen.Count > 0) tekst.Append($"{Environment.NewLine}  wacht op: {string.Join(", ", s.OntbrekendeGoedkeuringen)}");
        foreach (var o in s.Oordelen) tekst.Append($"{Environment.NewLine}  {o.Soort} van {o.Organisatie}{(o.Regio is { Length: > 0 } r ? $" voor {r}" : "")}{(o.Reden is { Length: > 0 } x ? $": {x}" : "")}");
        foreach (var h in s.Historie) tekst.Append($"{Environment.NewLine}  {h.Op.ToDateTime():yyyy-MM-dd HH:mm} {h.Wat} door {h.Organisatie}{(h.Toelichting is { Length: > 0 } t ? $": {t}" : "")}");
        return tekst.ToString();
    }
}
