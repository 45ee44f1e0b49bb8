using System.CommandLine;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Jbk.Maatregelen.V1;

namespace Jbk.Cli.Commands;

internal static class MaatregelCommands
{
    public static Command Maak() => new("maatregel", "Maatregelregistratie: registreren, verlengen, beëindigen, toewijzen en inzien")
    {
        Registreer(), Toon(), Verleng(), Beeindig(), Toewijzen(), Mijlpaal(), Overdragen(), Zoek(), Termijnen(), Tellingen(),
    };

    private static MaatregelService.MaatregelServiceClient Client(ParseResult r) => new(Verbinding.Open(r));

    private static Command Registreer()
    {
        var type = new Option<string>("--type") { Description = "ots, voorlopigeots, muhp, voogdij, voorlopigevoogdij, jeugdreclassering", Required = true };
        var gi = new Option<string>("--gi") { Description = "Code van de verantwoordelijke GI, bijv. JBN", Required = true };
        var regio = new Option<string>("--regio") { Description = "Jeugdregio die betaalt, bijv. drenthe", Required = true };
        var start = new Option<string>("--start") { Description = "Startdatum jjjj-mm-dd", Required = true };
        var eind = new Option<string?>("--eind") { Description = "Einddatum jjjj-mm-dd (exclusief)" };
        var bsn = new Option<string?>("--bsn") { Description = "BSN van de jeugdige (elfproef)" };
        var geboren = new Option<string>("--geboortedatum") { Description = "Geboortedatum van de jeugdige", Required = true };
        var gemeente = new Option<string>("--gemeente") { Description = "Woonplaatsgemeente (CBS-code), bijv. GM0106", Required = true };
        var doelgroep = new Option<string[]>("--doelgroep") { Description = "Doelgroepindicatie, bijv. lvb (meerdere mogelijk)" };
        var gezin = new Option<string?>("--gezin") { Description = "Gezin-id van een broer of zus" };
        var naam = new Option<string?>("--naam") { Description = "Alleen jeugdreclassering zonder BSN" };
        var postcode = new Option<string?>("--postcode") { Description = "Alleen jeugdreclassering zonder BSN" };
        var huisnummer = new Option<string?>("--huisnummer") { Description = "Alleen jeugdreclassering zonder BSN" };
        var ots = new Option<string?>("--ots") { Description = "Bij een MUHP: het id van de OTS" };
        var variant = new Option<string?>("--jr-variant") { Description = "Bij jeugdreclassering: toezicht-en-begeleiding, itb, stp, ..." };
        var rechtbank = new Option<string?>("--rechtbank") { Description = "Rechtbank van de beschikking" };
        var zaaknummer = new Option<string?>("--zaaknummer") { Description = "Zaaknummer van de beschikking" };
        var sleutel = new Option<string>("--sleutel")
        {
            Description = "Idempotentiesleutel: dezelfde sleutel nogmaals geeft dezelfde maatregel",
            DefaultValueFactory = _ => Guid.NewGuid().ToString(),
        };
        var command = new Command("registreer", "Registreert een nieuwe maatregel voor een jeugdige")
        {
            type, gi, regio, start, eind, bsn, geboren, gemeente, doelgroep, gezin, naam, postcode, huisnummer, ots, variant, rechtbank, zaaknummer, sleutel,
        };
        command.SetAction(async (r, ct) =>
        {
            var request = new RegistreerMaatregelRequest
            {
                IdempotentieSleutel = r.GetValue(sleutel),
                Type = Parse.Type(r.GetValue(type)!),
                GiCode = r.GetValue(gi),
                Regio = r.GetValue(regio),
                Startdatum = Parse.Datum(r.GetValue(start)!, "--start"),
                OtsId = r.GetValue(ots) ?? "",
                JrVariant = r.GetValue(variant) ?? "",
                Jeugdige = new Jeugdige
                {
                    Bsn = r.GetValue(bsn) ?? "",
                    Naam = r.GetValue(naam) ?? "",
                    Postcode = r.GetValue(postcode) ?? "",
                    Huisnummer = r.GetValue(huisnummer) ?? "",
                    Geboortedatum = Parse.Datum(r.GetValue(geboren)!, "--geboortedatum"),
                    Gemeente = r.GetValue(gemeente),
                    Doelgroepen = { r.GetValue(doelgroep) ?? [] },
                    GezinId = r.GetValue(gezin) ?? "",
                },
            };
            if (r.GetValue(eind) is { } e) request.Einddatum = Parse.Datum(e, "--eind");
            if (r.GetValue(rechtbank) is { } rb)
                request.Beschikking = new Beschikking { Rechtbank = rb, Zaaknummer = r.GetValue(zaaknummer) ?? "", Datum = request.Startdatum, Einddatum = request.Einddatum };
            var antwoord = await Client(r).RegistreerMaatregelAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => $"Maatregel geregistreerd:{Environment.NewLine}{Beschrijf(antwoord.Maatregel)}");
        });
        return command;
    }

    private static Command Toon()
    {
        var id = new Argument<string>("maatregel-id");
        var command = new Command("toon", "Toont één maatregel met tijdlijn en termijnen") { id };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = r.GetValue(id) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Maatregel));
        });
        return command;
    }

    private static Command Verleng()
    {
        var id = new Argument<string>("maatregel-id");
        var tot = new Option<string>("--tot") { Description = "Nieuwe einddatum jjjj-mm-dd", Required = true };
        var rechtbank = new Option<string>("--rechtbank") { Required = true };
        var zaaknummer = new Option<string>("--zaaknummer") { Required = true };
        var datum = new Option<string>("--beschikkingsdatum") { Description = "Datum van de beschikking", Required = true };
        var command = new Command("verleng", "Legt de verlenging door de rechter vast") { id, tot, rechtbank, zaaknummer, datum };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).VerlengMaatregelAsync(new VerlengMaatregelRequest
            {
                MaatregelId = r.GetValue(id),
                Beschikking = new Beschikking
                {
                    Rechtbank = r.GetValue(rechtbank), Zaaknummer = r.GetValue(zaaknummer),
                    Datum = Parse.Datum(r.GetValue(datum)!, "--beschikkingsdatum"), Einddatum = Parse.Datum(r.GetValue(tot)!, "--tot"),
                },
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => $"Verlengd:{Environment.NewLine}{Beschrijf(antwoord.Maatregel)}");
        });
        return command;
    }

    private static Command Beeindig()
    {
        var id = new Argument<string>("maatregel-id");
        var op = new Option<string>("--op") { Description = "Datum van beëindiging", Required = true };
        var reden = new Option<string>("--reden") { Required = true };
        var command = new Command("beeindig", "Beëindigt een lopende maatregel") { id, op, reden };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).BeeindigMaatregelAsync(new BeeindigMaatregelRequest
            {
                MaatregelId = r.GetValue(id), Datum = Parse.Datum(r.GetValue(op)!, "--op"), Reden = r.GetValue(reden),
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => $"Beëindigd:{Environment.NewLine}{Beschrijf(antwoord.Maatregel)}");
        });
        return command;
    }

    private static Command Toewijzen()
    {
        var id = new Argument<string>("maatregel-id");
        var jb = new Option<string?>("--jeugdbeschermer") { Description = "Pseudoniem id van de vaste jeugdbeschermer" };
        var pool = new Option<string?>("--pool") { Description = "Naam van de pool, bijv. CCP of CRT" };
        var van = new Option<string>("--van") { Description = "Datum van toewijzing", Required = true };
        var command = new Command("toewijzen", "Wijst een vaste jeugdbeschermer of een pool toe") { id, jb, pool, van };
        command.SetAction(async (r, ct) =>
        {
            var (soort, wie) = (r.GetValue(jb), r.GetValue(pool)) switch
            {
                ({ } j, null) => (ToewijzingSoort.Vast, j),
                (null, { } p) => (ToewijzingSoort.Pool, p),
                _ => throw new CliException("Geef óf --jeugdbeschermer óf --pool."),
            };
            var antwoord = await Client(r).WijsJeugdbeschermerToeAsync(new WijsJeugdbeschermerToeRequest
            {
                MaatregelId = r.GetValue(id), Soort = soort, Wie = wie, Van = Parse.Datum(r.GetValue(van)!, "--van"),
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Maatregel));
        });
        return command;
    }

    private static Command Mijlpaal()
    {
        var id = new Argument<string>("maatregel-id");
        var soort = new Option<string>("--soort")
        {
            Description = "eerstecontact, planvanaanpak, veiligheidstaxatie, verlengingsverzoekingediend, rvdkgemeldgeenverlenging, uithuisplaatsinguitgevoerd, gezagsbeeindigingverzocht",
            Required = true,
        };
        var op = new Option<string>("--op") { Description = "Datum", Required = true };
        var command = new Command("mijlpaal", "Legt een stap uit het normenkader of de wet vast") { id, soort, op };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).RegistreerMijlpaalAsync(new RegistreerMijlpaalRequest
            {
                MaatregelId = r.GetValue(id), Soort = Parse.Keuze<MijlpaalSoort>(r.GetValue(soort)!, "--soort"), Datum = Parse.Datum(r.GetValue(op)!, "--op"),
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Maatregel));
        });
        return command;
    }

    private static Command Overdragen()
    {
        var id = new Argument<string>("maatregel-id");
        var van = new Option<string>("--van") { Required = true };
        var naar = new Option<string>("--naar") { Required = true };
        var op = new Option<DateTime>("--op") { Description = "Moment van overdracht (UTC), bijv. 2025-06-02T09:00:00Z", Required = true };
        var overdracht = new Option<string>("--overdracht-id") { DefaultValueFactory = _ => Guid.NewGuid().ToString() };
        var command = new Command("overdragen", "Zet de verantwoordelijkheid om (alleen voor --org dienst:overdracht; gewoonlijk doet de overdrachtservice dit)")
        {
            id, van, naar, op, overdracht,
        };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).DraagVerantwoordelijkheidOverAsync(new DraagVerantwoordelijkheidOverRequest
            {
                MaatregelId = r.GetValue(id), VanGi = r.GetValue(van), NaarGi = r.GetValue(naar),
                Op = Timestamp.FromDateTime(r.GetValue(op).ToUniversalTime()), OverdrachtId = r.GetValue(overdracht),
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Beschrijf(antwoord.Maatregel));
        });
        return command;
    }

    private static Command Zoek()
    {
        var gi = new Option<string>("--gi") { Required = true };
        var type = new Option<string?>("--type");
        var regio = new Option<string?>("--regio");
        var lopend = new Option<bool>("--lopend") { Description = "Alleen lopende maatregelen" };
        var termijn = new Option<int>("--termijn-binnen") { Description = "Alleen met een open termijn binnen zoveel dagen" };
        var zonder = new Option<bool>("--zonder-vaste-jeugdbeschermer");
        var gezin = new Option<string?>("--gezin");
        var pagina = new Option<int>("--aantal") { DefaultValueFactory = _ => 50 };
        var token = new Option<string?>("--vanaf") { Description = "next_page_token van de vorige pagina" };
        var command = new Command("zoek", "De maatregelen van een GI, gefilterd en per pagina") { gi, type, regio, lopend, termijn, zonder, gezin, pagina, token };
        command.SetAction(async (r, ct) =>
        {
            var request = new ZoekMaatregelenRequest
            {
                GiCode = r.GetValue(gi), Regio = r.GetValue(regio) ?? "", TermijnBinnenDagen = r.GetValue(termijn),
                ZonderVasteJeugdbeschermer = r.GetValue(zonder), GezinId = r.GetValue(gezin) ?? "", PageSize = r.GetValue(pagina), PageToken = r.GetValue(token) ?? "",
                Status = r.GetValue(lopend) ? MaatregelStatus.Lopend : MaatregelStatus.Unspecified,
            };
            if (r.GetValue(type) is { } t) request.Type = Parse.Type(t);
            var antwoord = await Client(r).ZoekMaatregelenAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => string.Join(Environment.NewLine, antwoord.Maatregelen.Select(Regel))
                + (antwoord.NextPageToken is { Length: > 0 } v ? $"{Environment.NewLine}(meer: --vanaf {v})" : ""));
        });
        return command;
    }

    private static Command Termijnen()
    {
        var gi = new Option<string>("--gi") { Required = true };
        var venster = new Option<int>("--venster") { Description = "Dagen vooruit (standaard 14)" };
        var command = new Command("termijnen", "Verstreken en binnenkort verlopende termijnen van een GI") { gi, venster };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).GeefTermijnenAsync(new GeefTermijnenRequest { GiCode = r.GetValue(gi), VensterDagen = r.GetValue(venster) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () =>
            {
                var tekst = new StringBuilder($"Verstreken ({antwoord.Verstreken.Count}):");
                foreach (var t in antwoord.Verstreken) tekst.Append($"{Environment.NewLine}  {Parse.Tekst(t.Uiterlijk)} {t.Soort,-28} {t.MaatregelId}");
                tekst.Append($"{Environment.NewLine}Binnenkort ({antwoord.Binnenkort.Count}):");
                foreach (var t in antwoord.Binnenkort) tekst.Append($"{Environment.NewLine}  {Parse.Tekst(t.Uiterlijk)} {t.Soort,-28} {t.MaatregelId}");
                return tekst.Append($"{Environment.NewLine}Later: {antwoord.AantalLater}").ToString();
            });
        });
        return command;
    }

    private static Command Tellingen()
    {
        var gi = new Option<string?>("--gi");
        var command = new Command("tellingen", "Aantallen lopende maatregelen per GI, type en regio (geen persoonsgegevens)") { gi };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).GeefTellingenAsync(new GeefTellingenRequest { GiCode = r.GetValue(gi) ?? "" }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => string.Join(Environment.NewLine, antwoord.Tellingen.Select(t =>
                $"{t.GiCode,-6} {Parse.Tekst(t.Type),-20} {t.Regio,-20} {t.Lopend,6} lopend, {t.ZonderVasteJeugdbeschermer,5} zonder vaste jeugdbeschermer")));
        });
        return command;
    }

    private static string Regel(Maatregel m) =>
        $"{m.Id} {Parse.Tekst(m.Type),-18} {m.VerantwoordelijkeGi,-5} {m.Regio,-12} {Parse.Tekst(m.Startdatum)} t/m {Parse.Tekst(m.Einddatum)} {(m.Status == MaatregelStatus.Lopend ? "lopend" : "beëindigd")}";

    private static string Beschrijf(Maatregel m)
    {
        var tekst = new StringBuilder(Regel(m));
        tekst.Append($"{Environment.NewLine}  gezin {m.GezinId}, jeugdige {m.JeugdigeId}{(m.OtsId is { Length: > 0 } o ? $", bij OTS {o}" : "")}");
        foreach (var v in m.Verantwoordelijkheden)
            tekst.Append($"{Environment.NewLine}  verantwoordelijk {v.GiCode,-5} van {v.Van.ToDateTime():yyyy-MM-dd HH:mm} tot {(v.Tot is null ? "nu" : v.Tot.ToDateTime().ToString("yyyy-MM-dd HH:mm"))}");
        tekst.Append(m.HuidigeToewijzing is { } t
            ? $"{Environment.NewLine}  {(t.Soort == ToewijzingSoort.Vast ? "vaste jeugdbeschermer" : "pool")} {t.Wie} sinds {Parse.Tekst(t.Van)}"
            : $"{Environment.NewLine}  geen vaste jeugdbeschermer");
        if (m.DagenZonderVasteJeugdbeschermer > 0) tekst.Append($" ({m.DagenZonderVasteJeugdbeschermer} dagen zonder)");
        foreach (var termijn in m.Termijnen)
            tekst.Append($"{Environment.NewLine}  termijn {termijn.Soort,-28} uiterlijk {Parse.Tekst(termijn.Uiterlijk)} {termijn.Status}");
        return tekst.ToString();
    }
}
