using System.CommandLine;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Jbk.Capaciteit.V1;

namespace Jbk.Cli.Commands;

internal static class CapaciteitCommands
{
    public static Command Maak() => new("capaciteit", "Capaciteit: GI-register, certificaten, bezetting, reserveringen en beschikbaarheid")
    {
        Instellingen(), Belasting(), Beschikbaarheid(), Overzicht(), Certificaat(), Bezetting(), Caseload(), Contract(), Reserveer(), Reservering(),
    };

    private static CapaciteitService.CapaciteitServiceClient Client(ParseResult r) => new(Verbinding.Open(r));

    private static Command Instellingen()
    {
        var command = new Command("instellingen", "Toont de GI's in het register");
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).ListInstellingenAsync(new(), cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => string.Join(Environment.NewLine, antwoord.Instellingen.Select(i =>
                $"{i.Code,-6} {i.Naam,-56} {(i.Soort == InstellingSoort.Landelijk ? "landelijk: " + string.Join(", ", i.Doelgroepen) : string.Join(", ", i.Regios))}")));
        });
        return command;
    }

    private static Command Belasting()
    {
        var gi = new Argument<string>("gi-code");
        var command = new Command("belasting", "Toont de lopende maatregelen van een GI, per type en regio") { gi };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).GeefBelastingAsync(new GeefBelastingRequest { GiCode = r.GetValue(gi) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () =>
            {
                var tekst = new StringBuilder($"{antwoord.GiCode}: {antwoord.LopendeMaatregelen} lopende maatregelen");
                foreach (var s in antwoord.PerSoort) tekst.Append($"{Environment.NewLine}  {Parse.Tekst(s.Type),-20} {s.Regio,-20} {s.Aantal,5}");
                return tekst.ToString();
            });
        });
        return command;
    }

    private static Command Beschikbaarheid()
    {
        var regio = new Option<string>("--regio") { Required = true };
        var type = new Option<string>("--type") { Required = true };
        var doelgroep = new Option<string[]>("--doelgroep") { Description = "bijv. lvb (meerdere mogelijk)" };
        var gezin = new Option<int>("--gezin") { Description = "Aantal maatregelen van het gezin dat bij één GI moet", DefaultValueFactory = _ => 1 };
        var spoed = new Option<bool>("--spoed");
        var command = new Command("beschikbaarheid", "Welke GI kan deze casus nu aannemen? Gerangschikt, met redenen, en wie niet en waarom")
        {
            regio, type, doelgroep, gezin, spoed,
        };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).VraagBeschikbaarheidAsync(new VraagBeschikbaarheidRequest
            {
                Regio = r.GetValue(regio), Type = Parse.Type(r.GetValue(type)!), Doelgroepen = { r.GetValue(doelgroep) ?? [] },
                Gezinsgrootte = r.GetValue(gezin), Spoed = r.GetValue(spoed),
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () =>
            {
                var tekst = new StringBuilder("Kandidaten:");
                foreach (var k in antwoord.Kandidaten)
                    tekst.Append($"{Environment.NewLine}  {k.GiCode,-6} {k.Ring,-10} vrij {k.Vrij,6:0.#}  {string.Join("; ", k.Redenen)}");
                tekst.Append($"{Environment.NewLine}Uitgesloten:");
                foreach (var u in antwoord.Uitgesloten) tekst.Append($"{Environment.NewLine}  {u.GiCode,-6} {u.Regel,-18} {u.Reden}");
                return tekst.ToString();
            });
        });
        return command;
    }

    private static Command Overzicht()
    {
        var regio = new Option<string?>("--regio");
        var command = new Command("overzicht", "Capaciteit, belasting en vrije ruimte per GI (geen persoonsgegevens)") { regio };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).GeefCapaciteitsoverzichtAsync(new GeefCapaciteitsoverzichtRequest { Regio = r.GetValue(regio) ?? "" }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => string.Join(Environment.NewLine, antwoord.Gis.Select(g =>
                $"{g.GiCode,-6} capaciteit {g.Capaciteit,5} belasting {g.Belasting,7:0.#} gereserveerd {g.Gereserveerd,5:0.#} vrij {g.Vrij,7:0.#} "
                + $"zonder vaste jb {g.ZonderVasteJeugdbeschermer,4}  {(g.MagNieuwAannemen ? "" : "NEEMT NIETS NIEUWS AAN: ")}{g.Certificaat}"
                + string.Concat(g.Meldingen.Select(m => $"{Environment.NewLine}       ! {m}")))));
        });
        return command;
    }

    private static Command Certificaat()
    {
        var gi = new Option<string>("--gi") { Required = true };
        var status = new Command("status", "Mag de GI nu nieuwe maatregelen aannemen? Met alle certificaten") { gi };
        status.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = r.GetValue(gi) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => $"{(antwoord.MagNieuwAannemen ? "Ja" : "Nee")}: {antwoord.Reden}{Environment.NewLine}"
                + string.Join(Environment.NewLine, antwoord.Certificaten.Select(Regel)));
        });

        var giNieuw = new Option<string>("--gi") { Required = true };
        var soort = new Option<string>("--soort") { Description = "regulier, overbrugging of beeindiging", Required = true };
        var van = new Option<string>("--van") { Required = true };
        var tot = new Option<string?>("--tot") { Description = "Standaard de termijn van het soort" };
        var registreer = new Command("registreer", "Legt een besluit van het Keurmerkinstituut vast (operator)") { giNieuw, soort, van, tot };
        registreer.SetAction(async (r, ct) =>
        {
            var request = new RegistreerCertificaatRequest
            {
                GiCode = r.GetValue(giNieuw), Soort = Parse.Keuze<CertificaatSoort>(r.GetValue(soort)!, "--soort"), Van = Parse.Datum(r.GetValue(van)!, "--van"),
            };
            if (r.GetValue(tot) is { } t) request.Tot = Parse.Datum(t, "--tot");
            var antwoord = await Client(r).RegistreerCertificaatAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Regel(antwoord.Certificaat));
        });

        var id = new Argument<long>("certificaat-id");
        var verleng = new Command("verleng", "Verlengt een overbruggings- of beëindigingscertificaat (operator)") { id };
        verleng.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).VerlengCertificaatAsync(new VerlengCertificaatRequest { CertificaatId = r.GetValue(id) }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Regel(antwoord.Certificaat));
        });

        var idIn = new Argument<long>("certificaat-id");
        var op = new Option<string?>("--op") { Description = "Standaard vandaag" };
        var intrekken = new Command("intrekken", "Trekt een certificaat in (operator)") { idIn, op };
        intrekken.SetAction(async (r, ct) =>
        {
            var request = new TrekCertificaatInRequest { CertificaatId = r.GetValue(idIn) };
            if (r.GetValue(op) is { } o) request.Op = Parse.Datum(o, "--op");
            var antwoord = await Client(r).TrekCertificaatInAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => Regel(antwoord.Certificaat));
        });
        return new Command("certificaat", "Certificaten van GI's") { status, registreer, verleng, intrekken };
    }

    private static Command Bezetting()
    {
        var gi = new Option<string>("--gi") { Required = true };
        var totaal = new Option<double>("--fte") { Required = true };
        var ziek = new Option<double>("--ziek");
        var ext = new Option<double>("--extern");
        var opleiding = new Option<double>("--in-opleiding");
        var norm = new Option<double>("--norm") { Description = "Gewogen maatregelen per inzetbare FTE", DefaultValueFactory = _ => 15 };
        var factor = new Option<double>("--opleidingsfactor") { DefaultValueFactory = _ => 0.5 };
        var command = new Command("bezetting", "Legt de bezetting en caseloadnorm van een GI vast") { gi, totaal, ziek, ext, opleiding, norm, factor };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).StelBezettingInAsync(new StelBezettingInRequest
            {
                Bezetting = new Bezetting
                {
                    GiCode = r.GetValue(gi), FteTotaal = r.GetValue(totaal), FteZiek = r.GetValue(ziek), FteExtern = r.GetValue(ext),
                    FteInOpleiding = r.GetValue(opleiding), Norm = r.GetValue(norm), Opleidingsfactor = r.GetValue(factor),
                },
            }, cancellationToken: ct);
            var b = antwoord.Bezetting;
            Uitvoer.Toon(r, antwoord, () => $"{b.GiCode}: {b.FteInzetbaar:0.##} FTE inzetbaar, {b.FteEffectief:0.##} effectief, capaciteit {b.Capaciteit}");
        });
        return command;
    }

    private static Command Caseload()
    {
        var gi = new Option<string>("--gi") { Required = true };
        var peildatum = new Option<string>("--peildatum") { Required = true };
        var regels = new Option<string[]>("--regel")
        {
            Required = true, AllowMultipleArgumentsPerToken = true,
            Description = "regio:type:aantal, bijv. friesland:ots:412 (één per regio en type, ook met aantal 0)",
        };
        var command = new Command("caseload", "Legt de maandelijkse caseloadrapportage van een GI vast: lopende maatregelen per regio en type (aantallen)")
        {
            gi, peildatum, regels,
        };
        command.SetAction(async (r, ct) =>
        {
            var request = new RapporteerCaseloadRequest { GiCode = r.GetValue(gi), Peildatum = Parse.Datum(r.GetValue(peildatum)!, "--peildatum") };
            foreach (var regel in r.GetValue(regels)!)
            {
                var delen = regel.Split(':');
                if (delen.Length != 3 || !int.TryParse(delen[2], out var aantal))
                    throw new CliException($"--regel '{regel}': schrijf regio:type:aantal, bijv. friesland:ots:412.");
                request.Regels.Add(new CaseloadRegel { Regio = delen[0], Type = Parse.Type(delen[1]), Aantal = aantal });
            }
            var antwoord = await Client(r).RapporteerCaseloadAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () =>
            {
                var tekst = new StringBuilder($"{antwoord.GiCode} per {Parse.Tekst(antwoord.Peildatum)}: {antwoord.BelastingBuitenPlatform:0.#} gewogen buiten het platform");
                foreach (var l in antwoord.Regels) tekst.Append($"{Environment.NewLine}  {l.Regio,-20} {Parse.Tekst(l.Type),-20} {l.Aantal,6} (in het platform {l.InPlatform})");
                foreach (var m in antwoord.Meldingen) tekst.Append($"{Environment.NewLine}  ! {m}");
                return tekst.ToString();
            });
        });
        return command;
    }

    private static Command Contract()
    {
        var gi = new Option<string>("--gi") { Required = true };
        var regio = new Option<string>("--regio") { Required = true };
        var van = new Option<string>("--van") { Required = true };
        var tot = new Option<string?>("--tot");
        var command = new Command("contract", "Voegt een regio toe aan het contract van een GI (gemeente of operator)") { gi, regio, van, tot };
        command.SetAction(async (r, ct) =>
        {
            var request = new RegistreerRegiocontractRequest { GiCode = r.GetValue(gi), Regio = r.GetValue(regio), Van = Parse.Datum(r.GetValue(van)!, "--van") };
            if (r.GetValue(tot) is { } t) request.Tot = Parse.Datum(t, "--tot");
            var antwoord = await Client(r).RegistreerRegiocontractAsync(request, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => "Regiocontract vastgelegd.");
        });
        return command;
    }

    private static Command Reserveer()
    {
        var gi = new Option<string>("--gi") { Required = true };
        var regio = new Option<string>("--regio") { Required = true };
        var type = new Option<string>("--type") { Required = true };
        var aantal = new Option<int>("--aantal") { DefaultValueFactory = _ => 1 };
        var dagen = new Option<int>("--geldig-dagen") { Required = true };
        var sleutel = new Option<string>("--sleutel") { DefaultValueFactory = _ => Guid.NewGuid().ToString() };
        var command = new Command("reserveer", "Houdt capaciteit vast voor een inkomende overdracht (dienst:overdracht of operator)") { gi, regio, type, aantal, dagen, sleutel };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).ReserveerCapaciteitAsync(new ReserveerCapaciteitRequest
            {
                IdempotentieSleutel = r.GetValue(sleutel), GiCode = r.GetValue(gi), Regio = r.GetValue(regio), Type = Parse.Type(r.GetValue(type)!),
                Aantal = r.GetValue(aantal), VerlooptOp = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(r.GetValue(dagen))),
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => $"Gereserveerd: {antwoord.ReserveringId} (daarna vrij {antwoord.VrijNa:0.#})");
        });
        return command;
    }

    private static Command Reservering()
    {
        var id = new Argument<string>("reservering-id");
        var omgezet = new Option<bool>("--omgezet") { Description = "De overdracht is voltooid (anders: vrijgeven)" };
        var command = new Command("reservering-beeindigen", "Geeft een reservering vrij of zet haar om") { id, omgezet };
        command.SetAction(async (r, ct) =>
        {
            var antwoord = await Client(r).BeeindigReserveringAsync(new BeeindigReserveringRequest
            {
                ReserveringId = r.GetValue(id), Uitkomst = r.GetValue(omgezet) ? ReserveringUitkomst.Omgezet : ReserveringUitkomst.Vrijgegeven,
            }, cancellationToken: ct);
            Uitvoer.Toon(r, antwoord, () => "Reservering beëindigd.");
        });
        return command;
    }

    private static string Regel(Jbk.Capaciteit.V1.Certificaat c) =>
        $"  #{c.Id} {c.Soort,-26} {Parse.Tekst(c.Van)} tot {Parse.Tekst(c.Tot)}{(c.Verlengingen > 0 ? $" ({c.Verlengingen}x verlengd)" : "")}{(c.IngetrokkenOp is null ? "" : $" ingetrokken op {Parse.Tekst(c.IngetrokkenOp)}")}";
}
