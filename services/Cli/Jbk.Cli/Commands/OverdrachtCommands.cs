using System.CommandLine;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.Overdracht.V1;

namespace Jbk.Cli.Commands;

internal static class OverdrachtCommands
{
    public static Command Maak() => new("overdracht", "Overdracht van maatregelen tussen GI's, stap voor stap")
    {
        Stand(), Aanvragen(), Toon(), Lijst(), Volg(), Document(), Dossier(), DossierCompleet(), Beoordeel(), Rechter(), Warm(), ZetOm(), Annuleer(),
    };

    private static OverdrachtService.OverdrachtServiceClient Client(ParseResult r) => new(Verbinding.Open(r));

    private static Command Stand()
    {
        var id = new Argument<string>("maatregel-id");
        var command = new Command("stand", "Wat overdracht weet van een maatregel: type, regio en verantwoordelijke GI") { id };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).GeefMaatregelStandAsync(new GeefMaatregelStandRequest { MaatregelId = r.GetValue(id) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => $"{antwoord.MaatregelId} {Parse.Tekst(antwoord.Type)} in {antwoord.Regio}: verantwoordelijk {antwoord.VerantwoordelijkeGi}");
        });
        return command;
    }

    private static Command Aanvragen()
    {
        var naar = new Option<string>("--naar") { Description = "Ontvangende GI", Required = true };
        var maatregelen = new Option<string[]>("--maatregel") { Description = "Maatregel-id (meerdere: het hele gezin)", Required = true };
        var op = new Option<string>("--gepland") { Description = "Geplande datum van omzetting", Required = true };
        var splitsen = new Option<string?>("--reden-splitsen") { Description = "Verplicht als niet alle lopende maatregelen van het gezin meegaan" };
        var eigenaar = new Option<string[]>("--termijn-eigenaar") { Description = "maatregel-id:termijnsoort:gi, voor een termijn binnen de overdracht" };
        var id = new Option<string>("--id") { DefaultValueFactory = _ => Guid.NewGuid().ToString() };
        var command = new Command("aanvragen", "Vraagt een overdracht aan (verzendende GI)") { naar, maatregelen, op, splitsen, eigenaar, id };
        command.SetAction(async (r, ct) =>
        {
            var request = new VraagOverdrachtAanRequest
            {
                OverdrachtId = r.GetValue(id), OntvangendeGi = r.GetValue(naar), MaatregelIds = { r.GetValue(maatregelen) ?? [] },
                GeplandeOmzetting = Parse.Datum(r.GetValue(op)!, "--gepland"), RedenGezinSplitsen = r.GetValue(splitsen) ?? "",
            };
            foreach (var e in r.GetValue(eigenaar) ?? [])
            {
                var delen = e.Split(':');
                if (delen.Length != 3) throw new CliException($"--termijn-eigenaar '{e}': gebruik maatregel-id:termijnsoort:gi.");
                request.TermijnEigenaars.Add(new TermijnEigenaar { MaatregelId = delen[0], Soort = delen[1], GiCode = delen[2] });
            }
            var antwoord = await Client(r).VraagOverdrachtAanAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Overdracht));
        });
        return command;
    }

    private static Command Toon()
    {
        var id = new Argument<string>("overdracht-id");
        var command = new Command("toon", "Een overdracht met haar geschiedenis en de uitkomst van elke continuïteitsregel") { id };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).GeefOverdrachtAsync(new GeefOverdrachtRequest { OverdrachtId = r.GetValue(id) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Overdracht));
        });
        return command;
    }

    private static Command Lijst()
    {
        var gi = new Option<string>("--gi") { Required = true, Description = "De eigen GI" };
        var vast = new Option<int>("--vastgelopen-uren") { Description = "Alleen overdrachten zonder voortgang sinds zoveel uur" };
        var status = new Option<string[]>("--status") { AllowMultipleArgumentsPerToken = true, Description = "Alleen deze statussen (bijv. geaccepteerd omgezet)" };
        var rol = new Option<string?>("--rol") { Description = "verzendend of ontvangend (standaard beide)" };
        var scenario = new Option<string?>("--scenario") { Description = "Alleen de overdrachten van dit scenario" };
        var perPagina = new Option<int>("--per-pagina") { Description = "Overdrachten per pagina (1-500; standaard alle)" };
        var pagina = new Option<string?>("--pagina") { Description = "Het paginatoken dat de vorige pagina noemde" };
        var command = new Command("lijst", "Inkomende en uitgaande overdrachten van de eigen GI (kort: zonder historie)")
        {
            gi, vast, status, rol, scenario, perPagina, pagina,
        };
        command.SetAction(async (r, ct) =>
        {
            var vraag = new ZoekOverdrachtenRequest
            {
                GiCode = r.GetValue(gi)!, VastgelopenUren = r.GetValue(vast), Compact = true, ScenarioId = r.GetValue(scenario) ?? "",
                PageSize = r.GetValue(perPagina), PageToken = r.GetValue(pagina) ?? "",
                Rol = r.GetValue(rol) is { } gekozen ? Parse.Keuze<OverdrachtRol>(gekozen, "--rol") : OverdrachtRol.Unspecified,
            };
            vraag.Statussen.AddRange((r.GetValue(status) ?? []).Select(s => Parse.Keuze<OverdrachtStatus>(s, "--status")));
            var antwoord = await Client(r).ZoekOverdrachtenAsync(vraag, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => "Inkomend:" + string.Concat(antwoord.Inkomend.Select(o => $"{Environment.NewLine}  {Regel(o)}"))
                + $"{Environment.NewLine}Uitgaand:" + string.Concat(antwoord.Uitgaand.Select(o => $"{Environment.NewLine}  {Regel(o)}"))
                + (antwoord.NextPageToken.Length > 0 ? $"{Environment.NewLine}volgende pagina: --pagina {antwoord.NextPageToken}" : ""));
        });
        return command;
    }

    private static Command Volg()
    {
        var gi = new Option<string>("--gi") { Required = true, Description = "De eigen GI" };
        var rol = new Option<string?>("--rol") { Description = "verzendend of ontvangend (standaard beide)" };
        var scenario = new Option<string?>("--scenario") { Description = "Alleen de overdrachten van dit scenario" };
        var afgesloten = new Option<bool>("--ook-afgesloten") { Description = "Ook de overdrachten die al waren afgesloten" };
        var command = new Command("volg", "Volgt de overdrachten van de eigen GI: eerst hoe ze nu staan, dan elke wijziging (Ctrl+C stopt)")
        {
            gi, rol, scenario, afgesloten,
        };
        command.SetAction(async (r, ct) =>
        {
            var vraag = new VolgOverdrachtenRequest
            {
                GiCode = r.GetValue(gi)!, ScenarioId = r.GetValue(scenario) ?? "", OokAfgesloten = r.GetValue(afgesloten),
                Rol = r.GetValue(rol) is { } gekozen ? Parse.Keuze<OverdrachtRol>(gekozen, "--rol") : OverdrachtRol.Unspecified,
            };
            using var stroom = Client(r).VolgOverdrachten(vraag, cancellationToken: ct);
            try
            {
                await foreach (var bericht in stroom.ResponseStream.ReadAllAsync(ct))
                    Uitvoer.Toon(r, bericht, () => bericht.InhoudCase == VolgOverdrachtenResponse.InhoudOneofCase.Bijgewerkt
                        ? $"-- {bericht.Bijgewerkt.Aantal} overdracht(en) zoals ze nu staan; hierna elke wijziging --"
                        : $"{DateTime.Now:HH:mm:ss} {Regel(bericht.Overdracht)}");
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested) { }
        });
        return command;
    }

    private static Command Document()
    {
        var id = new Argument<string>("overdracht-id");
        var maatregel = new Option<string>("--maatregel") { Required = true };
        var soort = new Option<string>("--soort") { Description = "beschikking, planvanaanpak, voortgangsverslag, schriftelijkeaanwijzing, veiligheidstaxatie, lopendejeugdhulp, netwerkencontacten, zittingenentermijnen", Required = true };
        var datum = new Option<string>("--datum") { Required = true };
        var bestand = new Option<FileInfo>("--bestand") { Required = true };
        var command = new Command("document", "Levert een document van het overdrachtsdossier (verzendende GI)") { id, maatregel, soort, datum, bestand };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).LeverDocumentAsync(new LeverDocumentRequest
            {
                OverdrachtId = r.GetValue(id), MaatregelId = r.GetValue(maatregel), Soort = Parse.Keuze<DocumentSoort>(r.GetValue(soort)!, "--soort"),
                Datum = Parse.Datum(r.GetValue(datum)!, "--datum"), Inhoud = ByteString.CopyFrom(await File.ReadAllBytesAsync(r.GetValue(bestand)!.FullName, ct)),
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => $"Geleverd: {antwoord.Document.Soort} sha256 {antwoord.Document.Checksum}");
        });
        return command;
    }

    private static Command Dossier()
    {
        var id = new Argument<string>("overdracht-id");
        var command = new Command("dossier", "Leest het dossier (alleen partijen; elke inzage wordt vastgelegd)") { id };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).LeesDossierAsync(new LeesDossierRequest { OverdrachtId = r.GetValue(id) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => string.Join(Environment.NewLine, antwoord.Documenten.Select(d =>
                $"{d.Soort,-24} {Parse.Tekst(d.Datum)} maatregel {d.MaatregelId} door {d.AuteurOrganisatie}, {d.Inhoud.Length} bytes, sha256 {d.Checksum}")));
        });
        return command;
    }

    private static Command DossierCompleet() => Stap("dossier-compleet", "Verklaart het dossier compleet (verzendende GI)",
        (c, id, r, ct) => c.VerklaarDossierCompleetAsync(new VerklaarDossierCompleetRequest { OverdrachtId = id }, cancellationToken: ct).ResponseAsync.ContinueWith(t => t.Result.Overdracht, ct));

    private static Command Beoordeel()
    {
        var id = new Argument<string>("overdracht-id");
        var afwijzen = new Option<string?>("--afwijzen") { Description = "Wijs af met deze reden (anders: accepteren)" };
        var command = new Command("beoordeel", "Accepteert of wijst af (ontvangende GI)") { id, afwijzen };
        command.SetAction(async (r, ct) =>
        {
            var reden = r.GetValue(afwijzen);
            var antwoord = await Client(r).BeoordeelOverdrachtAsync(new BeoordeelOverdrachtRequest { OverdrachtId = r.GetValue(id), Accepteer = reden is null, Reden = reden ?? "" }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Overdracht));
        });
        return command;
    }

    private static Command Rechter()
    {
        var id = new Argument<string>("overdracht-id");
        var verzoek = new Option<bool>("--verzoek") { Description = "Het verzoek is ingediend (anders: het besluit vastleggen)" };
        var zaak = new Option<string?>("--zaaknummer") { Description = "Zaaknummer van het besluit" };
        var datum = new Option<string>("--datum") { Required = true };
        var command = new Command("rechter", "Legt het verzoek aan de rechter (--verzoek) of het besluit (--zaaknummer) vast") { id, verzoek, zaak, datum };
        command.SetAction(async (r, ct) =>
        {
            var dag = Parse.Datum(r.GetValue(datum)!, "--datum");
            var antwoord = r.GetValue(verzoek)
                ? (await Client(r).DienVerzoekBijRechterInAsync(new DienVerzoekBijRechterInRequest { OverdrachtId = r.GetValue(id), Datum = dag }, cancellationToken: ct)).Overdracht
                : (await Client(r).LegRechterlijkBesluitVastAsync(new LegRechterlijkBesluitVastRequest
                {
                    OverdrachtId = r.GetValue(id), Zaaknummer = r.GetValue(zaak) ?? throw new CliException("Geef --zaaknummer, of --verzoek."), Datum = dag,
                }, cancellationToken: ct)).Overdracht;
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord));
        });
        return command;
    }

    private static Command Warm()
    {
        var id = new Argument<string>("overdracht-id");
        var datum = new Option<string?>("--datum") { Description = "Dag van het gezamenlijke gesprek met het gezin" };
        var afzien = new Option<string?>("--afzien") { Description = "Reden om af te zien van een warme overdracht" };
        var command = new Command("warm", "Legt de warme overdracht vast, of het afzien ervan") { id, datum, afzien };
        command.SetAction(async (r, ct) =>
        {
            var request = new LegWarmeOverdrachtVastRequest { OverdrachtId = r.GetValue(id), RedenAfzien = r.GetValue(afzien) ?? "" };
            if (r.GetValue(datum) is { } d) request.Datum = Parse.Datum(d, "--datum");
            var antwoord = await Client(r).LegWarmeOverdrachtVastAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Overdracht));
        });
        return command;
    }

    private static Command ZetOm()
    {
        var id = new Argument<string>("overdracht-id");
        var op = new Option<DateTime?>("--op") { Description = "Moment van omzetting (UTC); standaard nu" };
        var command = new Command("zet-om", "Zet de verantwoordelijkheid om voor elke maatregel van de overdracht") { id, op };
        command.SetAction(async (r, ct) =>
        {
            var moment = (r.GetValue(op) ?? DateTime.UtcNow).ToUniversalTime();
            var antwoord = await Client(r).ZetOmAsync(new ZetOmRequest { OverdrachtId = r.GetValue(id), Op = Timestamp.FromDateTime(moment) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Overdracht));
        });
        return command;
    }

    private static Command Annuleer()
    {
        var id = new Argument<string>("overdracht-id");
        var reden = new Option<string>("--reden") { Required = true };
        var command = new Command("annuleer", "Annuleert vóór de omzetting: reservering en inzage vervallen") { id, reden };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest { OverdrachtId = r.GetValue(id), Reden = r.GetValue(reden) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Overdracht));
        });
        return command;
    }

    private static Command Stap(string naam, string omschrijving, Func<OverdrachtService.OverdrachtServiceClient, string, ParseResult, CancellationToken, Task<Jbk.Overdracht.V1.Overdracht>> stap)
    {
        var id = new Argument<string>("overdracht-id");
        var command = new Command(naam, omschrijving) { id };
        command.SetAction(async (r, ct) =>
        {
            var overdracht = await stap(Client(r), r.GetValue(id)!, r, ct);
            Uitvoer.Toon(r, overdracht, () => Beschrijf(overdracht));
        });
        return command;
    }

    private static string Regel(Jbk.Overdracht.V1.Overdracht o) =>
        $"{o.Id} {o.VerzendendeGi} -> {o.OntvangendeGi} {o.Status} ({o.MaatregelIds.Count} maatregel(en), gepland {Parse.Tekst(o.GeplandeOmzetting)})";

    private static string Beschrijf(Jbk.Overdracht.V1.Overdracht o)
    {
        var tekst = new StringBuilder(Regel(o));
        foreach (var c in o.Controles) tekst.Append($"{Environment.NewLine}  {(c.Geslaagd ? "ok  " : "FOUT")} {c.Regel}: {c.Toelichting}");
        foreach (var s in o.Historie) tekst.Append($"{Environment.NewLine}  {s.Op.ToDateTime():yyyy-MM-dd HH:mm} {s.Wat} door {s.Organisatie}{(s.Toelichting is { Length: > 0 } t ? $": {t}" : "")}");
        if (o.VerzoekAanRechter is { Length: > 0 } v) tekst.Append($"{Environment.NewLine}  verzoek aan de rechter: {v}");
        foreach (var x in o.OntbreektVoorOmzetting) tekst.Append($"{Environment.NewLine}  ontbreekt voor omzetting: {x}");
        if (o.VoltooiingTeLaat) tekst.Append($"{Environment.NewLine}  LET OP: nog geen vaste jeugdbeschermer binnen de toegestane werkdagen");
        return tekst.ToString();
    }
}
