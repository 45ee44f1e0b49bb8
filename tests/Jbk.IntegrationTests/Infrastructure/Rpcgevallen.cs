using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// For every RPC of the platform a well-formed call and the scene it acts on (a JBN measure in a handover to WSS that
/// holds a reservation and read access, a proposed stop, a certificate, a reservation, a planned scenario), made through
/// the API by the organisations that make them in the chain. Each request is built once per scene, so calling it again
/// is a true repeat.
/// </summary>
internal sealed class Rpcgevallen(EmbeddedPlatform platform, string scenarioId)
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(DateTime.UtcNow);

    public string ScenarioId => scenarioId;

    /// <summary>
    /// The cases on a platform prepared for them: a wind-down far ahead gives JBN a scenario to plan (groningen, to WSS
    /// only) without touching today's intake; JBN reported its caseload today, so every scene's report corrects it.
    /// </summary>
    public static async Task<Rpcgevallen> BereidAsync(EmbeddedPlatform platform)
    {
        var capaciteit = new CapaciteitService.CapaciteitServiceClient(platform.Als(Organisatie.Operator));
        await capaciteit.RegistreerCertificaatAsync(new RegistreerCertificaatRequest
        {
            GiCode = "JBN", Soort = Capaciteit.V1.CertificaatSoort.Beeindiging, Van = new DateOnly(2040, 1, 2).ToProto(),
        });
        await capaciteit.RapporteerCaseloadAsync(new RapporteerCaseloadRequest
        {
            GiCode = "JBN", Peildatum = Vandaag.ToProto(), Regels = { new Capaciteit.V1.CaseloadRegel { Regio = "groningen", Type = Common.V1.MaatregelType.Ots, Aantal = 1 } },
        });
        var id = Guid.NewGuid().ToString();
        await new ScenarioService.ScenarioServiceClient(platform.Als(Organisatie.Operator)).PlanScenarioAsync(Scenario(id));
        return new(platform, id);
    }

    /// <summary>An RPC by its name; the two access-log RPCs that two services offer by service and name.</summary>
    public static string Sleutel(RpcBeleid b) => b.Rpc.Contains("Toegangslog") ? $"{b.Service}/{b.Rpc}" : b.Rpc;

    public static string Sleutel(Google.Protobuf.Reflection.ServiceDescriptor service, string rpc) => $"{service.FullName}/{rpc}";

    public static PlanScenarioRequest Scenario(string id) => new()
    {
        ScenarioId = id, VerzendendeGi = "JBN", Regios = { "groningen" }, Start = new DateOnly(2040, 1, 8).ToProto(),
        Ontvangers = { new ScenarioOntvanger { GiCode = "WSS", WekelijkseLimiet = 10, Plafond = 10 } }, RechtbankPerWeek = 10,
        Tempo = ScenarioTempo.Kalender,
    };

    /// <summary>One RPC's call: prepares the scene it needs, then returns the call to make as a given organisation.</summary>
    public sealed record Geval(bool MetOntvanger, Func<Toneel, Task<Func<Organisatie, Task>>> Bereid);

    public Dictionary<string, Geval> Alle()
    {
        Geval Met(bool ontvanger, Func<Toneel, Task<Func<Organisatie, Task>>> bereid) => new(ontvanger, bereid);
        Geval Maatregel(Func<Toneel.Stand, Organisatie, Task> roep) => Met(true, async t => { var s = await t.OverdrachtAsync(); return o => roep(s, o); });
        Geval Overdracht(Func<Toneel.Stand, Organisatie, Task> roep) => Maatregel(roep);
        // A step of the handover, on a handover where that step is the next one: a repeat then has something to repeat.
        Geval Stap(Toneel.Fase fase, Func<Toneel.Stand, Organisatie, Task> roep) =>
            Met(true, async t => { var s = await t.OverdrachtAsync(fase); return o => roep(s, o); });
        Geval Stop(Func<string, Organisatie, Task> roep) => Met(false, async t => { var id = await t.StopAsync(); return o => roep(id, o); });
        Geval Zonder(bool ontvanger, Func<Organisatie, Task> roep) => Met(ontvanger, _ => Task.FromResult(roep));
        // The request is made once, when the scene is prepared: calling again repeats it exactly.
        Geval Eenmaal<T>(bool ontvanger, Func<T> maak, Func<T, Organisatie, Task> roep) =>
            Met(ontvanger, _ => { var verzoek = maak(); return Task.FromResult<Func<Organisatie, Task>>(o => roep(verzoek, o)); });
        Geval MaatregelEenmaal<T>(Func<Toneel.Stand, T> maak, Func<T, Organisatie, Task> roep) =>
            Met(true, async t => { var verzoek = maak(await t.OverdrachtAsync()); return o => roep(verzoek, o); });
        Geval StapEenmaal<T>(Toneel.Fase fase, Func<Toneel.Stand, T> maak, Func<T, Organisatie, Task> roep) =>
            Met(true, async t => { var verzoek = maak(await t.OverdrachtAsync(fase)); return o => roep(verzoek, o); });
        Geval Plan(Func<Organisatie, Task> roep) => Zonder(true, roep);

        MaatregelService.MaatregelServiceClient M(Organisatie o) => new(platform.Als(o));
        CapaciteitService.CapaciteitServiceClient C(Organisatie o) => new(platform.Als(o));
        OverdrachtService.OverdrachtServiceClient O(Organisatie o) => new(platform.Als(o));
        ScenarioService.ScenarioServiceClient S(Organisatie o) => new(platform.Als(o));
        ClientenstopService.ClientenstopServiceClient K(Organisatie o) => new(platform.Als(o));
        var vandaag = Vandaag.ToProto();
        Beschikking Beschikking(int jaren) => new()
        {
            Rechtbank = "Rechtbank Noord-Nederland", Zaaknummer = "C/19/" + Random.Shared.Next(100000, 999999), Datum = vandaag,
            Einddatum = Vandaag.AddYears(jaren).ToProto(),
        };

        return new()
        {
            // maatregelregistratie
            ["RegistreerMaatregel"] = Eenmaal(false, Toneel.Ots, (r, o) => M(o).RegistreerMaatregelAsync(r).ResponseAsync),
            ["GeefMaatregel"] = Maatregel((s, o) => M(o).GeefMaatregelAsync(new() { MaatregelId = s.MaatregelId }).ResponseAsync),
            ["VerlengMaatregel"] = MaatregelEenmaal(s => new VerlengMaatregelRequest { MaatregelId = s.MaatregelId, Beschikking = Beschikking(1) }, (r, o) => M(o).VerlengMaatregelAsync(r).ResponseAsync),
            ["BeeindigMaatregel"] = Maatregel((s, o) => M(o).BeeindigMaatregelAsync(new() { MaatregelId = s.MaatregelId, Datum = vandaag, Reden = "doel bereikt" }).ResponseAsync),
            ["DraagVerantwoordelijkheidOver"] = MaatregelEenmaal(s => new DraagVerantwoordelijkheidOverRequest
            {
                MaatregelId = s.MaatregelId, OverdrachtId = s.OverdrachtId, VanGi = "JBN", NaarGi = "WSS", Op = Timestamp.FromDateTime(DateTime.UtcNow),
            }, (r, o) => M(o).DraagVerantwoordelijkheidOverAsync(r).ResponseAsync),
            ["DraagOverdrachtOver"] = MaatregelEenmaal(s => new DraagOverdrachtOverRequest
            {
                OverdrachtId = s.OverdrachtId, MaatregelIds = { s.MaatregelId }, VanGi = "JBN", NaarGi = "WSS", Op = Timestamp.FromDateTime(DateTime.UtcNow),
            }, (r, o) => M(o).DraagOverdrachtOverAsync(r).ResponseAsync),
            ["GeefGezinsmaatregelen"] = Zonder(false, o => M(o).GeefGezinsmaatregelenAsync(new() { GezinIds = { Guid.NewGuid().ToString() } }).ResponseAsync),
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
            ["GeefInstroomPerWeek"] = Zonder(false, o => M(o).GeefInstroomPerWeekAsync(new() { Regio = "drenthe", Van = Vandaag.AddDays(-28).ToProto(), Tot = Vandaag.ToProto() }).ResponseAsync),
            [Sleutel(MaatregelService.Descriptor, "LeesToegangslog")] = Zonder(false, o => M(o).LeesToegangslogAsync(new()).ResponseAsync),
            [Sleutel(MaatregelService.Descriptor, "ControleerToegangslog")] = Zonder(false, o => M(o).ControleerToegangslogAsync(new()).ResponseAsync),
            [Sleutel(OverdrachtService.Descriptor, "LeesToegangslog")] = Zonder(false, o => O(o).LeesToegangslogAsync(new()).ResponseAsync),
            [Sleutel(OverdrachtService.Descriptor, "ControleerToegangslog")] = Zonder(false, o => O(o).ControleerToegangslogAsync(new()).ResponseAsync),
            // capaciteit
            ["ListInstellingen"] = Zonder(false, o => C(o).ListInstellingenAsync(new()).ResponseAsync),
            ["GeefBelasting"] = Zonder(false, o => C(o).GeefBelastingAsync(new() { GiCode = "JBN" }).ResponseAsync),
            ["GeefCertificaatstatus"] = Zonder(false, o => C(o).GeefCertificaatstatusAsync(new() { GiCode = "JBN" }).ResponseAsync),
            ["RegistreerCertificaat"] = Eenmaal(false, Toneel.Certificaat, (r, o) => C(o).RegistreerCertificaatAsync(r).ResponseAsync),
            ["VerlengCertificaat"] = Met(false, async t => { var id = await t.CertificaatAsync(); return o => C(o).VerlengCertificaatAsync(new() { CertificaatId = id }).ResponseAsync; }),
            ["TrekCertificaatIn"] = Met(false, async t => { var id = await t.CertificaatAsync(); return o => C(o).TrekCertificaatInAsync(new() { CertificaatId = id, Op = vandaag }).ResponseAsync; }),
            // Other figures and another contract start per scene: each scene's first call is a change (of an existing report or staffing).
            ["StelBezettingIn"] = Eenmaal(false, () => new StelBezettingInRequest
            {
                Bezetting = new Bezetting { GiCode = "JBN", FteTotaal = 200 + Random.Shared.Next(100), FteZiek = 5, FteExtern = 2, FteInOpleiding = 4 },
            }, (r, o) => C(o).StelBezettingInAsync(r).ResponseAsync),
            ["RapporteerCaseload"] = Eenmaal(false, () => new RapporteerCaseloadRequest
            {
                GiCode = "JBN", Peildatum = vandaag,
                Regels = { new Capaciteit.V1.CaseloadRegel { Regio = "groningen", Type = Common.V1.MaatregelType.Ots, Aantal = 300 + Random.Shared.Next(100) } },
            }, (r, o) => C(o).RapporteerCaseloadAsync(r).ResponseAsync),
            ["RegistreerRegiocontract"] = Eenmaal(false, () => new RegistreerRegiocontractRequest { GiCode = "JBF", Regio = "drenthe", Van = Vandaag.AddDays(-Random.Shared.Next(3000)).ToProto() },
                (r, o) => C(o).RegistreerRegiocontractAsync(r).ResponseAsync),
            ["ReserveerCapaciteit"] = Eenmaal(false, Toneel.Reservering, (r, o) => C(o).ReserveerCapaciteitAsync(r).ResponseAsync),
            ["BeeindigReservering"] = Met(false, async t => { var id = await t.ReserveringAsync(); return o => C(o).BeeindigReserveringAsync(new() { ReserveringId = id, Uitkomst = ReserveringUitkomst.Vrijgegeven }).ResponseAsync; }),
            ["VraagBeschikbaarheid"] = Zonder(false, o => C(o).VraagBeschikbaarheidAsync(new() { Regio = "drenthe", Type = Common.V1.MaatregelType.Ots }).ResponseAsync),
            ["GeefCapaciteitsoverzicht"] = Zonder(false, o => C(o).GeefCapaciteitsoverzichtAsync(new() { Regio = "drenthe" }).ResponseAsync),
            // overdracht
            ["GeefMaatregelStand"] = Overdracht((s, o) => O(o).GeefMaatregelStandAsync(new() { MaatregelId = s.MaatregelId }).ResponseAsync),
            ["VraagOverdrachtAan"] = MaatregelEenmaal(s => Toneel.Aanvraag(s.MaatregelId), (r, o) => O(o).VraagOverdrachtAanAsync(r).ResponseAsync),
            ["GeefOverdracht"] = Overdracht((s, o) => O(o).GeefOverdrachtAsync(new() { OverdrachtId = s.OverdrachtId }).ResponseAsync),
            ["ZoekOverdrachten"] = Zonder(false, o => O(o).ZoekOverdrachtenAsync(new() { GiCode = "JBN" }).ResponseAsync),
            ["VolgOverdrachten"] = Zonder(false, async o =>
            {
                // The first message (a handover, or the mark that all are sent) answers; hanging up ends the stream.
                using var stroom = O(o).VolgOverdrachten(new() { GiCode = "JBN" });
                using var tijd = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await stroom.ResponseStream.MoveNext(tijd.Token);
            }),
            ["LeverDocument"] = Overdracht((s, o) => O(o).LeverDocumentAsync(new()
            {
                OverdrachtId = s.OverdrachtId, MaatregelId = s.MaatregelId, Soort = DocumentSoort.Beschikking, Datum = vandaag,
                Inhoud = ByteString.CopyFromUtf8("synthetische beschikking"),
            }).ResponseAsync),
            ["LeverDocumenten"] = Overdracht(async (s, o) =>
            {
                using var tijd = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                using var levering = O(o).LeverDocumenten(cancellationToken: tijd.Token);
                await levering.RequestStream.WriteAsync(new()
                {
                    OverdrachtId = s.OverdrachtId, MaatregelId = s.MaatregelId, Soort = DocumentSoort.Beschikking, Datum = vandaag,
                    Inhoud = ByteString.CopyFromUtf8("synthetische beschikking"),
                }, tijd.Token);
                await levering.RequestStream.CompleteAsync();
                await levering.ResponseAsync;
            }),
            ["LeesDossier"] = Overdracht((s, o) => O(o).LeesDossierAsync(new() { OverdrachtId = s.OverdrachtId }).ResponseAsync),
            ["VerklaarDossierCompleet"] = Stap(Toneel.Fase.DossierGeleverd, (s, o) => O(o).VerklaarDossierCompleetAsync(new() { OverdrachtId = s.OverdrachtId }).ResponseAsync),
            ["BeoordeelOverdracht"] = Stap(Toneel.Fase.DossierCompleet, (s, o) => O(o).BeoordeelOverdrachtAsync(new() { OverdrachtId = s.OverdrachtId, Accepteer = true }).ResponseAsync),
            ["DienVerzoekBijRechterIn"] = Stap(Toneel.Fase.Geaccepteerd, (s, o) => O(o).DienVerzoekBijRechterInAsync(new() { OverdrachtId = s.OverdrachtId, Datum = vandaag }).ResponseAsync),
            ["LegRechterlijkBesluitVast"] = Stap(Toneel.Fase.VerzoekIngediend, (s, o) => O(o).LegRechterlijkBesluitVastAsync(new() { OverdrachtId = s.OverdrachtId, Zaaknummer = "C/19/123456", Datum = vandaag }).ResponseAsync),
            ["LegWarmeOverdrachtVast"] = Stap(Toneel.Fase.VerzoekIngediend, (s, o) => O(o).LegWarmeOverdrachtVastAsync(new() { OverdrachtId = s.OverdrachtId, Datum = vandaag }).ResponseAsync),
            ["ZetOm"] = StapEenmaal(Toneel.Fase.KlaarVoorOmzetting, s => new ZetOmRequest { OverdrachtId = s.OverdrachtId, Op = Timestamp.FromDateTime(DateTime.UtcNow) }, (r, o) => O(o).ZetOmAsync(r).ResponseAsync),
            ["AnnuleerOverdracht"] = Overdracht((s, o) => O(o).AnnuleerOverdrachtAsync(new() { OverdrachtId = s.OverdrachtId, Reden = "toch niet" }).ResponseAsync),
            // scenario
            ["PlanScenario"] = Eenmaal(true, () => Scenario(Guid.NewGuid().ToString()), (r, o) => S(o).PlanScenarioAsync(r).ResponseAsync),
            ["GeefDryRun"] = Plan(o => S(o).GeefDryRunAsync(new() { ScenarioId = scenarioId }).ResponseAsync),
            ["KeurScenarioGoed"] = Plan(o => S(o).KeurScenarioGoedAsync(new() { ScenarioId = scenarioId }).ResponseAsync),
            ["GeefScenarioVoortgang"] = Plan(o => S(o).GeefScenarioVoortgangAsync(new() { ScenarioId = scenarioId }).ResponseAsync),
            ["GeefContinuiteitsrapport"] = Plan(o => S(o).GeefContinuiteitsrapportAsync(new() { ScenarioId = scenarioId }).ResponseAsync),
            ["SimuleerWatAls"] = Zonder(false, o => S(o).SimuleerWatAlsAsync(new() { VerzendendeGi = "JBN", Regios = { "groningen" } }).ResponseAsync),
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
    public sealed class Toneel(EmbeddedPlatform platform)
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

        /// <summary>How far the GIs took the handover of a scene: each step RPC meets the handover where it can act.</summary>
        public enum Fase { Gereserveerd, DossierGeleverd, DossierCompleet, Geaccepteerd, VerzoekIngediend, KlaarVoorOmzetting }

        /// <summary>The handover of <see cref="OverdrachtAsync()"/>, taken by JBN and WSS up to <paramref name="fase"/> through the API.</summary>
        public async Task<Stand> OverdrachtAsync(Fase fase)
        {
            var stand = await OverdrachtAsync();
            var id = stand.OverdrachtId;
            var vandaag = Vandaag.ToProto();
            var jbn = new OverdrachtService.OverdrachtServiceClient(platform.Als(Organisatie.Gi("JBN")));
            var wss = new OverdrachtService.OverdrachtServiceClient(platform.Als(Organisatie.Gi("WSS")));
            if (fase == Fase.Gereserveerd) return stand;
            using (var levering = jbn.LeverDocumenten())
            {
                foreach (var soort in Jbk.Simulatie.Ketenpartners.Dossier)
                    await levering.RequestStream.WriteAsync(new()
                    {
                        OverdrachtId = id, MaatregelId = stand.MaatregelId, Soort = soort, Datum = vandaag, Inhoud = ByteString.CopyFromUtf8($"synthetisch {soort}"),
                    });
                await levering.RequestStream.CompleteAsync();
                await levering.ResponseAsync;
            }
            if (fase == Fase.DossierGeleverd) return stand;
            await jbn.VerklaarDossierCompleetAsync(new() { OverdrachtId = id });
            if (fase == Fase.DossierCompleet) return stand;
            await wss.BeoordeelOverdrachtAsync(new() { OverdrachtId = id, Accepteer = true });
            if (fase == Fase.Geaccepteerd) return stand;
            await wss.DienVerzoekBijRechterInAsync(new() { OverdrachtId = id, Datum = vandaag });
            if (fase == Fase.VerzoekIngediend) return stand;
            await wss.LegRechterlijkBesluitVastAsync(new() { OverdrachtId = id, Zaaknummer = "C/19/654321", Datum = vandaag });
            await wss.LegWarmeOverdrachtVastAsync(new() { OverdrachtId = id, Datum = vandaag });
            return stand;
        }

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
