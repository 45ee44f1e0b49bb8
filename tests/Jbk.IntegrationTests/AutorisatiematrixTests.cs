using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.V1;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;
using Xunit.Abstractions;

namespace Jbk.IntegrationTests;

/// <summary>
/// Every RPC of the platform called as every kind of organisation, against the embedded platform as a process: refused
/// (PERMISSION_DENIED) exactly where docs/autorisatie.md (the [Mag] declarations) says so, otherwise not refused and not
/// malformed. Each admitted caller acts on a fresh scene (measure, handover to WSS with read access, stop, certificate,
/// reservation); the refused callers come after the last admitted one, so a replay of a step already taken is refused too.
/// </summary>
public sealed class AutorisatiematrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EmbeddedPlatform _platform = null!;
    private string _scenarioId = "";

    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(DateTime.UtcNow);

    private static readonly IReadOnlyList<RpcBeleid> Beleid = Infrastructure.Beleid.Rpcs;
    private static readonly IReadOnlyList<(Betrokkene Als, Organisatie Org)> Actoren = Infrastructure.Beleid.Actoren;

    /// <summary>What an admitted call may end in: done, or a domain refusal of the step; never refused access, never a malformed request.</summary>
    private static readonly StatusCode[] Toegelaten = [StatusCode.OK, StatusCode.FailedPrecondition, StatusCode.AlreadyExists, StatusCode.Aborted];

    public async Task InitializeAsync()
    {
        _platform = await EmbeddedPlatform.StartAsync("jbk-autorisatie");
        // A wind-down far ahead gives JBN a scenario to plan (groningen, to WSS only) without touching today's intake.
        await new CapaciteitService.CapaciteitServiceClient(_platform.Als(Organisatie.Operator)).RegistreerCertificaatAsync(new RegistreerCertificaatRequest
        {
            GiCode = "JBN", Soort = Capaciteit.V1.CertificaatSoort.Beeindiging, Van = new DateOnly(2040, 1, 2).ToProto(),
        });
        _scenarioId = Guid.NewGuid().ToString();
        await new ScenarioService.ScenarioServiceClient(_platform.Als(Organisatie.Operator)).PlanScenarioAsync(Scenario(_scenarioId));
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private static PlanScenarioRequest Scenario(string id) => new()
    {
        ScenarioId = id, VerzendendeGi = "JBN", Regios = { "groningen" }, Start = new DateOnly(2040, 1, 8).ToProto(),
        Ontvangers = { new ScenarioOntvanger { GiCode = "WSS", WekelijkseLimiet = 10, Plafond = 10 } }, RechtbankPerWeek = 10,
        Tempo = ScenarioTempo.Kalender,
    };

    [Fact]
    public async Task Every_rpc_refuses_exactly_the_organisations_its_policy_does_not_name()
    {
        var gevallen = Gevallen();
        Assert.Equal(Beleid.Select(Sleutel).Order(), gevallen.Keys.Order()); // no RPC left out, none invented
        var fouten = new List<string>();
        foreach (var beleid in Beleid)
        {
            var geval = gevallen[Sleutel(beleid)];
            var toegelaten = Actoren.Where(a => beleid.Wie.HasFlag(Rol(a, geval))).ToList();
            Toneel? toneel = null;
            foreach (var (als, org) in toegelaten)
            {
                toneel = new Toneel(_platform);
                var code = await Roep(geval, toneel, org);
                output.WriteLine($"{beleid.Rpc} als {Betrokkenen.Naam(als)}: {code.StatusCode} {code.Detail}");
                if (!Toegelaten.Contains(code.StatusCode)) fouten.Add($"{beleid.Rpc} als {Betrokkenen.Naam(als)} ({org}): toegestaan, maar {code.StatusCode}: {code.Detail}");
            }
            toneel ??= new Toneel(_platform);
            foreach (var (als, org) in Actoren.Except(toegelaten))
            {
                var code = await Roep(geval, toneel, org);
                if (code.StatusCode != StatusCode.PermissionDenied) fouten.Add($"{beleid.Rpc} als {Betrokkenen.Naam(als)} ({org}): geweigerd, maar {code.StatusCode}: {code.Detail}");
            }
        }
        foreach (var f in fouten) output.WriteLine(f);
        Assert.True(fouten.Count == 0, $"{fouten.Count} afwijkingen van docs/autorisatie.md:\n{string.Join("\n", fouten)}");
    }

    /// <summary>An RPC by its name; the two access-log RPCs that two services offer by service and name.</summary>
    private static string Sleutel(RpcBeleid b) => b.Rpc.Contains("Toegangslog") ? $"{b.Service}/{b.Rpc}" : b.Rpc;

    private static string Sleutel(Google.Protobuf.Reflection.ServiceDescriptor service, string rpc) => $"{service.FullName}/{rpc}";

    /// <summary>WSS receives only where the scene has a handover (or a scenario) to it; elsewhere it is just another GI.</summary>
    private static Betrokkene Rol((Betrokkene Als, Organisatie Org) actor, Geval geval) =>
        actor.Als == Betrokkene.OntvangendeGi && !geval.MetOntvanger ? Betrokkene.AndereGi : actor.Als;

    private static async Task<Status> Roep(Geval geval, Toneel toneel, Organisatie org)
    {
        var voorbereid = await geval.Bereid(toneel);
        try
        {
            await voorbereid(org).WaitAsync(TimeSpan.FromSeconds(30));
            return Status.DefaultSuccess;
        }
        catch (RpcException ex) { return ex.Status; }
    }

    /// <summary>One RPC's call: prepares the scene it needs, then returns the call to make as a given organisation.</summary>
    private sealed record Geval(bool MetOntvanger, Func<Toneel, Task<Func<Organisatie, Task>>> Bereid);

    private Dictionary<string, Geval> Gevallen()
    {
        Geval Met(bool ontvanger, Func<Toneel, Task<Func<Organisatie, Task>>> bereid) => new(ontvanger, bereid);
        Geval Maatregel(Func<Toneel.Stand, Organisatie, Task> roep) => Met(true, async t => { var s = await t.OverdrachtAsync(); return o => roep(s, o); });
        Geval Overdracht(Func<Toneel.Stand, Organisatie, Task> roep) => Maatregel(roep);
        Geval Stop(Func<string, Organisatie, Task> roep) => Met(false, async t => { var id = await t.StopAsync(); return o => roep(id, o); });
        Geval Zonder(bool ontvanger, Func<Organisatie, Task> roep) => Met(ontvanger, _ => Task.FromResult(roep));
        Geval Plan(Func<Organisatie, Task> roep) => Zonder(true, roep);

        MaatregelService.MaatregelServiceClient M(Organisatie o) => new(_platform.Als(o));
        CapaciteitService.CapaciteitServiceClient C(Organisatie o) => new(_platform.Als(o));
        OverdrachtService.OverdrachtServiceClient O(Organisatie o) => new(_platform.Als(o));
        ScenarioService.ScenarioServiceClient S(Organisatie o) => new(_platform.Als(o));
        ClientenstopService.ClientenstopServiceClient K(Organisatie o) => new(_platform.Als(o));
        var vandaag = Vandaag.ToProto();
        Beschikking Beschikking(int jaren) => new()
        {
            Rechtbank = "Rechtbank Noord-Nederland", Zaaknummer = "C/19/" + Random.Shared.Next(100000, 999999), Datum = vandaag,
            Einddatum = Vandaag.AddYears(jaren).ToProto(),
        };

        return new()
        {
            // maatregelregistratie
            ["RegistreerMaatregel"] = Zonder(false, o => M(o).RegistreerMaatregelAsync(Toneel.Ots()).ResponseAsync),
            ["GeefMaatregel"] = Maatregel((s, o) => M(o).GeefMaatregelAsync(new() { MaatregelId = s.MaatregelId }).ResponseAsync),
            ["VerlengMaatregel"] = Maatregel((s, o) => M(o).VerlengMaatregelAsync(new() { MaatregelId = s.MaatregelId, Beschikking = Beschikking(1) }).ResponseAsync),
            ["BeeindigMaatregel"] = Maatregel((s, o) => M(o).BeeindigMaatregelAsync(new() { MaatregelId = s.MaatregelId, Datum = vandaag, Reden = "doel bereikt" }).ResponseAsync),
            ["DraagVerantwoordelijkheidOver"] = Maatregel((s, o) => M(o).DraagVerantwoordelijkheidOverAsync(new()
            {
                MaatregelId = s.MaatregelId, OverdrachtId = s.OverdrachtId, VanGi = "JBN", NaarGi = "WSS", Op = Timestamp.FromDateTime(DateTime.UtcNow),
            }).ResponseAsync),
            ["VerleenInzage"] = Maatregel((s, o) => M(o).VerleenInzageAsync(new() { MaatregelId = s.MaatregelId, OverdrachtId = s.OverdrachtId, GiCode = "WSS" }).ResponseAsync),
            ["TrekInzageIn"] = Maatregel((s, o) => M(o).TrekInzageInAsync(new() { MaatregelId = s.MaatregelId, OverdrachtId = s.OverdrachtId }).ResponseAsync),
            ["WijsJeugdbeschermerToe"] = Maatregel((s, o) => M(o).WijsJeugdbeschermerToeAsync(new()
            {
                MaatregelId = s.MaatregelId, Soort = ToewijzingSoort.Vast, Wie = "jb-matrix", Van = vandaag,
            }).ResponseAsync),
            ["RegistreerMijlpaal"] = Maatregel((s, o) => M(o).RegistreerMijlpaalAsync(new() { MaatregelId = s.MaatregelId, Soort = MijlpaalSoort.EersteContact, Datum = vandaag }).ResponseAsync),
            ["ZoekMaatregelen"] = Zonder(false, o => M(o).ZoekMaatregelenAsync(new() { GiCode = "JBN" }).ResponseAsync),
            ["GeefTermijnen"] = Zonder(false, o => M(o).GeefTermijnenAsync(new() { GiCode = "JBN" }).ResponseAsync),
            ["GeefTellingen"] = Zonder(false, o => M(o).GeefTellingenAsync(new()).ResponseAsync),
            [Sleutel(MaatregelService.Descriptor, "LeesToegangslog")] = Zonder(false, o => M(o).LeesToegangslogAsync(new()).ResponseAsync),
            [Sleutel(MaatregelService.Descriptor, "ControleerToegangslog")] = Zonder(false, o => M(o).ControleerToegangslogAsync(new()).ResponseAsync),
            [Sleutel(OverdrachtService.Descriptor, "LeesToegangslog")] = Zonder(false, o => O(o).LeesToegangslogAsync(new()).ResponseAsync),
            [Sleutel(OverdrachtService.Descriptor, "ControleerToegangslog")] = Zonder(false, o => O(o).ControleerToegangslogAsync(new()).ResponseAsync),
            // capaciteit
            ["ListInstellingen"] = Zonder(false, o => C(o).ListInstellingenAsync(new()).ResponseAsync),
            ["GeefBelasting"] = Zonder(false, o => C(o).GeefBelastingAsync(new() { GiCode = "JBN" }).ResponseAsync),
            ["GeefCertificaatstatus"] = Zonder(false, o => C(o).GeefCertificaatstatusAsync(new() { GiCode = "JBN" }).ResponseAsync),
            ["RegistreerCertificaat"] = Zonder(false, o => C(o).RegistreerCertificaatAsync(Toneel.Certificaat()).ResponseAsync),
            ["VerlengCertificaat"] = Met(false, async t => { var id = await t.CertificaatAsync(); return o => C(o).VerlengCertificaatAsync(new() { CertificaatId = id }).ResponseAsync; }),
            ["TrekCertificaatIn"] = Met(false, async t => { var id = await t.CertificaatAsync(); return o => C(o).TrekCertificaatInAsync(new() { CertificaatId = id, Op = vandaag }).ResponseAsync; }),
            ["StelBezettingIn"] = Zonder(false, o => C(o).StelBezettingInAsync(new()
            {
                Bezetting = new Bezetting { GiCode = "JBN", FteTotaal = 200, FteZiek = 5, FteExtern = 2, FteInOpleiding = 4 },
            }).ResponseAsync),
            ["RegistreerRegiocontract"] = Zonder(false, o => C(o).RegistreerRegiocontractAsync(new() { GiCode = "JBF", Regio = "drenthe", Van = vandaag }).ResponseAsync),
            ["ReserveerCapaciteit"] = Zonder(false, o => C(o).ReserveerCapaciteitAsync(Toneel.Reservering()).ResponseAsync),
            ["BeeindigReservering"] = Met(false, async t => { var id = await t.ReserveringAsync(); return o => C(o).BeeindigReserveringAsync(new() { ReserveringId = id, Uitkomst = ReserveringUitkomst.Vrijgegeven }).ResponseAsync; }),
            ["VraagBeschikbaarheid"] = Zonder(false, o => C(o).VraagBeschikbaarheidAsync(new() { Regio = "drenthe", Type = Common.V1.MaatregelType.Ots }).ResponseAsync),
            ["GeefCapaciteitsoverzicht"] = Zonder(false, o => C(o).GeefCapaciteitsoverzichtAsync(new() { Regio = "drenthe" }).ResponseAsync),
            // overdracht
            ["GeefMaatregelStand"] = Overdracht((s, o) => O(o).GeefMaatregelStandAsync(new() { MaatregelId = s.MaatregelId }).ResponseAsync),
            ["VraagOverdrachtAan"] = Overdracht((s, o) => O(o).VraagOverdrachtAanAsync(Toneel.Aanvraag(s.MaatregelId)).ResponseAsync),
            ["GeefOverdracht"] = Overdracht((s, o) => O(o).GeefOverdrachtAsync(new() { OverdrachtId = s.OverdrachtId }).ResponseAsync),
            ["ZoekOverdrachten"] = Zonder(false, o => O(o).ZoekOverdrachtenAsync(new() { GiCode = "JBN" }).ResponseAsync),
            ["LeverDocument"] = Overdracht((s, o) => O(o).LeverDocumentAsync(new()
            {
                OverdrachtId = s.OverdrachtId, MaatregelId = s.MaatregelId, Soort = DocumentSoort.Beschikking, Datum = vandaag,
                Inhoud = ByteString.CopyFromUtf8("synthetische beschikking"),
            }).ResponseAsync),
            ["LeesDossier"] = Overdracht((s, o) => O(o).LeesDossierAsync(new() { OverdrachtId = s.OverdrachtId }).ResponseAsync),
            ["VerklaarDossierCompleet"] = Overdracht((s, o) => O(o).VerklaarDossierCompleetAsync(new() { OverdrachtId = s.OverdrachtId }).ResponseAsync),
            ["BeoordeelOverdracht"] = Overdracht((s, o) => O(o).BeoordeelOverdrachtAsync(new() { OverdrachtId = s.OverdrachtId, Accepteer = true }).ResponseAsync),
            ["DienVerzoekBijRechterIn"] = Overdracht((s, o) => O(o).DienVerzoekBijRechterInAsync(new() { OverdrachtId = s.OverdrachtId, Datum = vandaag }).ResponseAsync),
            ["LegRechterlijkBesluitVast"] = Overdracht((s, o) => O(o).LegRechterlijkBesluitVastAsync(new() { OverdrachtId = s.OverdrachtId, Zaaknummer = "C/19/123456", Datum = vandaag }).ResponseAsync),
            ["LegWarmeOverdrachtVast"] = Overdracht((s, o) => O(o).LegWarmeOverdrachtVastAsync(new() { OverdrachtId = s.OverdrachtId, Datum = vandaag }).ResponseAsync),
            ["ZetOm"] = Overdracht((s, o) => O(o).ZetOmAsync(new() { OverdrachtId = s.OverdrachtId, Op = Timestamp.FromDateTime(DateTime.UtcNow) }).ResponseAsync),
            ["AnnuleerOverdracht"] = Overdracht((s, o) => O(o).AnnuleerOverdrachtAsync(new() { OverdrachtId = s.OverdrachtId, Reden = "toch niet" }).ResponseAsync),
            // scenario
            ["PlanScenario"] = Plan(o => S(o).PlanScenarioAsync(Scenario(Guid.NewGuid().ToString())).ResponseAsync),
            ["GeefDryRun"] = Plan(o => S(o).GeefDryRunAsync(new() { ScenarioId = _scenarioId }).ResponseAsync),
            ["KeurScenarioGoed"] = Plan(o => S(o).KeurScenarioGoedAsync(new() { ScenarioId = _scenarioId }).ResponseAsync),
            ["GeefScenarioVoortgang"] = Plan(o => S(o).GeefScenarioVoortgangAsync(new() { ScenarioId = _scenarioId }).ResponseAsync),
            ["GeefContinuiteitsrapport"] = Plan(o => S(o).GeefContinuiteitsrapportAsync(new() { ScenarioId = _scenarioId }).ResponseAsync),
            // clientenstop
            ["GeefInstroom"] = Zonder(false, o => K(o).GeefInstroomAsync(new() { Regio = "drenthe" }).ResponseAsync),
            ["StelStopVoor"] = Stop((id, o) => K(o).StelStopVoorAsync(Toneel.Stopvoorstel(id)).ResponseAsync), // a repeat of JBN's proposal
            ["KeurStopGoed"] = Stop((id, o) => K(o).KeurStopGoedAsync(new() { StopId = id, Regio = "drenthe" }).ResponseAsync),
            ["WijsStopAf"] = Stop((id, o) => K(o).WijsStopAfAsync(new() { StopId = id, Regio = "drenthe", Reden = "opvang elders ontbreekt" }).ResponseAsync),
            ["MaakBezwaar"] = Stop((id, o) => K(o).MaakBezwaarAsync(new() { StopId = id, Reden = "wij kunnen dit niet opvangen" }).ResponseAsync),
            ["HefStopOp"] = Stop((id, o) => K(o).HefStopOpAsync(new() { StopId = id }).ResponseAsync),
            ["StelVerlengingVoor"] = Stop((id, o) => K(o).StelVerlengingVoorAsync(new() { StopId = id, Tot = Vandaag.AddDays(120).ToProto() }).ResponseAsync),
            ["GeefStop"] = Stop((id, o) => K(o).GeefStopAsync(new() { StopId = id }).ResponseAsync),
        };
    }

    /// <summary>What one admitted caller acts on, made through the API by the organisations that make it in the chain.</summary>
    private sealed class Toneel(EmbeddedPlatform platform)
    {
        public sealed record Stand(string MaatregelId, string OverdrachtId);

        /// <summary>A running OTS of JBN that started a month ago (so it can still be extended and handed over today).</summary>
        public static RegistreerMaatregelRequest Ots()
        {
            var r = Registratie.Ots("JBN", jeugdige: Kind());
            var start = Vandaag.AddMonths(-1);
            (r.Startdatum, r.Einddatum, r.Beschikking.Datum, r.Beschikking.Einddatum) =
                (start.ToProto(), start.AddYears(1).ToProto(), start.ToProto(), start.AddYears(1).ToProto());
            return r;
        }

        public static Jeugdige Kind() => new()
        {
            Bsn = Registratie.Bsn(), Geboortedatum = new DateOnly(2014, 5, 17).ToProto(), Gemeente = "GM0106", Doelgroepen = { "lvb" },
        };

        public static VraagOverdrachtAanRequest Aanvraag(string maatregelId) => new()
        {
            OverdrachtId = Guid.NewGuid().ToString(), OntvangendeGi = "WSS", GeplandeOmzetting = Vandaag.AddDays(30).ToProto(), MaatregelIds = { maatregelId },
            TermijnEigenaars = { new TermijnEigenaar { MaatregelId = maatregelId, Soort = "PlanVanAanpak", GiCode = "JBN" } },
        };

        public static RegistreerCertificaatRequest Certificaat() => new()
        {
            GiCode = "JBB", Soort = Capaciteit.V1.CertificaatSoort.Overbrugging, Van = new DateOnly(2030, 1, 1).AddDays(Random.Shared.Next(3000)).ToProto(),
        };

        public static ReserveerCapaciteitRequest Reservering() => new()
        {
            IdempotentieSleutel = Guid.NewGuid().ToString(), GiCode = "WSS", Regio = "drenthe", Type = Common.V1.MaatregelType.Ots, Aantal = 1,
            VerlooptOp = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1)),
        };

        public static StelStopVoorRequest Stopvoorstel(string id) => new()
        {
            StopId = id, Regios = { "drenthe" }, MaatregelTypes = { Common.V1.MaatregelType.Ots }, Van = Vandaag.AddDays(60).ToProto(),
            Tot = Vandaag.AddDays(90).ToProto(), Reden = "wachtlijst boven de norm",
        };

        /// <summary>A JBN measure in a handover to WSS that has passed its checks and holds a reservation: WSS reads the measure.</summary>
        public async Task<Stand> OverdrachtAsync()
        {
            var maatregel = (await new MaatregelService.MaatregelServiceClient(platform.Als(Organisatie.Rvdk))
                .RegistreerMaatregelAsync(Ots())).Maatregel;
            var jbn = new OverdrachtService.OverdrachtServiceClient(platform.Als(Organisatie.Gi("JBN")));
            await Eventually.HoldsAsync(async () =>
            {
                try { await jbn.GeefMaatregelStandAsync(new() { MaatregelId = maatregel.Id }); return true; }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound) { return false; }
            }, "overdracht knows the new measure");
            var aanvraag = Aanvraag(maatregel.Id);
            await jbn.VraagOverdrachtAanAsync(aanvraag);
            Overdracht.V1.Overdracht? o = null;
            await Eventually.HoldsAsync(async () =>
            {
                o = (await jbn.GeefOverdrachtAsync(new() { OverdrachtId = aanvraag.OverdrachtId })).Overdracht;
                return o.Status == OverdrachtStatus.CapaciteitGereserveerd;
            }, $"the handover reaches CapaciteitGereserveerd (now {o?.Status}: {string.Join(" | ", o?.Controles.Where(c => !c.Geslaagd).Select(c => c.Toelichting) ?? [])})");
            var wss = new MaatregelService.MaatregelServiceClient(platform.Als(Organisatie.Gi("WSS")));
            await Eventually.HoldsAsync(async () =>
            {
                try { await wss.GeefMaatregelAsync(new() { MaatregelId = maatregel.Id }); return true; }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied) { return false; }
            }, "WSS was granted read access to the measure");
            return new(maatregel.Id, aanvraag.OverdrachtId);
        }

        public async Task<string> StopAsync()
        {
            var id = Guid.NewGuid().ToString();
            await new ClientenstopService.ClientenstopServiceClient(platform.Als(Organisatie.Gi("JBN"))).StelStopVoorAsync(Stopvoorstel(id));
            return id;
        }

        public async Task<long> CertificaatAsync() =>
            (await new CapaciteitService.CapaciteitServiceClient(platform.Als(Organisatie.Operator)).RegistreerCertificaatAsync(Certificaat())).Certificaat.Id;

        public async Task<string> ReserveringAsync() =>
            (await new CapaciteitService.CapaciteitServiceClient(platform.Als(Organisatie.Dienst("overdracht"))).ReserveerCapaciteitAsync(Reservering())).ReserveringId;
    }
}
