using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;
using Npgsql;
using DocumentSoort = Jbk.Overdracht.V1.DocumentSoort;
using OverdrachtProto = Jbk.Overdracht.V1.Overdracht;

namespace Jbk.IntegrationTests;

/// <summary>Handovers end to end in distributed mode: separate processes, RabbitMQ, PostgreSQL.</summary>
[Collection(DistributedCollection.Name)]
public sealed class OverdrachtTests(DistributedPlatform platform)
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
    private OverdrachtService.OverdrachtServiceClient Overdracht(Organisatie org) => new(platform.Channel(platform.Overdracht, org));
    private MaatregelService.MaatregelServiceClient Maatregelen(Organisatie org) => platform.Maatregelen(org);

    /// <summary>A family at JBN: child A with an OTS and an MUHP inside it, child B with voogdij; both with an LVB indication.</summary>
    private async Task<IReadOnlyList<Maatregelen.V1.Maatregel>> GezinBijJbn()
    {
        var rvdk = Maatregelen(Organisatie.Rvdk);
        var start = Vandaag.AddDays(-30);
        Jeugdige Kind(string bsn, string gezin = "") => new()
        {
            Bsn = bsn, Geboortedatum = new DateOnly(2014, 5, 17).ToProto(), Gemeente = "GM1680", Doelgroepen = { "lvb" }, GezinId = gezin,
        };
        RegistreerMaatregelRequest Verzoek(MaatregelType type, Jeugdige kind, DateOnly? eind = null, string ots = "") => new()
        {
            IdempotentieSleutel = Guid.NewGuid().ToString(), Type = type.ToProto(), GiCode = "JBN", Regio = "drenthe", Startdatum = start.ToProto(),
            Einddatum = eind?.ToProto(), Jeugdige = kind, OtsId = ots,
        };
        var bsnA = Registratie.Bsn();
        var ots = (await rvdk.RegistreerMaatregelAsync(Verzoek(MaatregelType.Ots, Kind(bsnA), start.AddMonths(12)))).Maatregel;
        var muhp = (await rvdk.RegistreerMaatregelAsync(Verzoek(MaatregelType.Muhp, Kind(bsnA), start.AddMonths(6), ots.Id))).Maatregel;
        var voogdij = (await rvdk.RegistreerMaatregelAsync(Verzoek(MaatregelType.Voogdij, Kind(Registratie.Bsn(), ots.GezinId)))).Maatregel;
        var stand = Overdracht(Organisatie.Gi("JBN"));
        foreach (var m in new[] { ots, muhp, voogdij })
            await Eventually.HoldsAsync(async () =>
            {
                try { return (await stand.GeefMaatregelStandAsync(new GeefMaatregelStandRequest { MaatregelId = m.Id })).VerantwoordelijkeGi == "JBN"; }
                catch (RpcException) { return false; }
            }, "overdracht knows the measure");
        return [ots, muhp, voogdij];
    }

    private async Task<OverdrachtProto> WachtOpStatus(string id, OverdrachtStatus status)
    {
        OverdrachtProto? laatst = null;
        await Eventually.HoldsAsync(async () =>
        {
            try { laatst = (await Overdracht(Organisatie.Gi("JBN")).GeefOverdrachtAsync(new GeefOverdrachtRequest { OverdrachtId = id })).Overdracht; }
            catch (RpcException) { return false; }
            return laatst.Status == status;
        }, $"handover {id} reaches {status} (now {laatst?.Status}: {string.Join(" | ", laatst?.Controles.Where(c => !c.Geslaagd).Select(c => c.Toelichting) ?? [])})", TimeSpan.FromSeconds(60));
        return laatst!;
    }

    private static VraagOverdrachtAanRequest Aanvraag(IEnumerable<Maatregelen.V1.Maatregel> maatregelen) => new()
    {
        OverdrachtId = Guid.NewGuid().ToString(), OntvangendeGi = "WSS", GeplandeOmzetting = Vandaag.AddDays(30).ToProto(),
        MaatregelIds = { maatregelen.Select(m => m.Id) },
        // The plan van aanpak falls inside the handover: JBN keeps it until the switch.
        TermijnEigenaars = { maatregelen.Select(m => new TermijnEigenaar { MaatregelId = m.Id, Soort = "PlanVanAanpak", GiCode = "JBN" }) },
    };

    /// <summary>Every step of a handover; <paramref name="naStap"/> runs after each, to crash the process where a test wants.</summary>
    private async Task<OverdrachtProto> DoorloopAlleStappen(IReadOnlyList<Maatregelen.V1.Maatregel> gezin, Func<string, Task>? naStap = null,
        bool totOmzettingGevraagd = false, bool klaarVoorOmzetting = false)
    {
        naStap ??= _ => Task.CompletedTask;
        var jbn = Overdracht(Organisatie.Gi("JBN"));
        var wss = Overdracht(Organisatie.Gi("WSS"));
        var aanvraag = Aanvraag(gezin);
        var id = aanvraag.OverdrachtId;
        async Task Herhaal(Func<Task> stap) // a step retried after a crash, as a client would
        {
            await Eventually.HoldsAsync(async () =>
            {
                try { await stap(); return true; }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown) { return false; }
            }, "the step goes through", TimeSpan.FromSeconds(90));
        }

        await Herhaal(() => jbn.VraagOverdrachtAanAsync(aanvraag).ResponseAsync);
        await naStap("aangevraagd");
        await WachtOpStatus(id, OverdrachtStatus.CapaciteitGereserveerd);
        await naStap("gereserveerd");

        var soorten = new[] { DocumentSoort.Beschikking, DocumentSoort.PlanVanAanpak, DocumentSoort.Voortgangsverslag,
            DocumentSoort.Veiligheidstaxatie, DocumentSoort.LopendeJeugdhulp, DocumentSoort.NetwerkEnContacten,
            DocumentSoort.ZittingenEnTermijnen };
        foreach (var m in gezin)
        foreach (var soort in soorten)
            await Herhaal(() => jbn.LeverDocumentAsync(new LeverDocumentRequest
            {
                OverdrachtId = id, MaatregelId = m.Id, Soort = soort, Datum = Vandaag.ToProto(), Inhoud = ByteString.CopyFromUtf8($"synthetisch {soort}"),
            }).ResponseAsync);
        await Herhaal(() => jbn.VerklaarDossierCompleetAsync(new VerklaarDossierCompleetRequest { OverdrachtId = id }).ResponseAsync);
        await Herhaal(() => wss.BeoordeelOverdrachtAsync(new BeoordeelOverdrachtRequest { OverdrachtId = id, Accepteer = true }).ResponseAsync);
        await naStap("geaccepteerd");
        await Herhaal(() => jbn.DienVerzoekBijRechterInAsync(new DienVerzoekBijRechterInRequest { OverdrachtId = id, Datum = Vandaag.ToProto() }).ResponseAsync);
        await Herhaal(() => wss.LegRechterlijkBesluitVastAsync(new LegRechterlijkBesluitVastRequest { OverdrachtId = id, Zaaknummer = "C/19/" + id[..6], Datum = Vandaag.ToProto() }).ResponseAsync);
        await Herhaal(() => jbn.LegWarmeOverdrachtVastAsync(new LegWarmeOverdrachtVastRequest { OverdrachtId = id, Datum = Vandaag.ToProto() }).ResponseAsync);
        if (klaarVoorOmzetting) return (await jbn.GeefOverdrachtAsync(new GeefOverdrachtRequest { OverdrachtId = id })).Overdracht;
        var op = DateTime.UtcNow;
        await Herhaal(() => jbn.ZetOmAsync(new ZetOmRequest { OverdrachtId = id, Op = Timestamp.FromDateTime(op) }).ResponseAsync);
        await naStap("omzetting gevraagd");
        if (totOmzettingGevraagd) return (await jbn.GeefOverdrachtAsync(new GeefOverdrachtRequest { OverdrachtId = id })).Overdracht;
        await WachtOpStatus(id, OverdrachtStatus.Omgezet);

        var wssMaatregelen = Maatregelen(Organisatie.Gi("WSS"));
        foreach (var m in gezin)
            await Herhaal(() => wssMaatregelen.WijsJeugdbeschermerToeAsync(new WijsJeugdbeschermerToeRequest
            {
                MaatregelId = m.Id, Soort = ToewijzingSoort.Vast, Wie = "wss-jb-7", Van = Vandaag.ToProto(),
            }).ResponseAsync);
        return await WachtOpStatus(id, OverdrachtStatus.Voltooid);
    }

    private static async Task<LeverDocumentenResponse> LeverInEenStroom(OverdrachtService.OverdrachtServiceClient gi, IEnumerable<LeverDocumentenRequest> documenten)
    {
        using var tijd = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var levering = gi.LeverDocumenten(cancellationToken: tijd.Token);
        foreach (var d in documenten) await levering.RequestStream.WriteAsync(d, tijd.Token);
        await levering.RequestStream.CompleteAsync();
        return await levering.ResponseAsync;
    }

    [Fact]
    public async Task A_whole_dossier_in_one_stream_is_stored_together_or_not_at_all_and_may_be_sent_again()
    {
        var gezin = await GezinBijJbn();
        var jbn = Overdracht(Organisatie.Gi("JBN"));
        var aanvraag = Aanvraag(gezin);
        await jbn.VraagOverdrachtAanAsync(aanvraag);
        var id = aanvraag.OverdrachtId;
        await WachtOpStatus(id, OverdrachtStatus.CapaciteitGereserveerd);
        LeverDocumentenRequest Document(Maatregelen.V1.Maatregel m, DocumentSoort soort, string inhoud = "synthetisch") => new()
        {
            OverdrachtId = id, MaatregelId = m.Id, Soort = soort, Datum = Vandaag.ToProto(), Inhoud = inhoud.Length == 0 ? ByteString.Empty : ByteString.CopyFromUtf8($"{inhoud} {soort}"),
        };
        async Task<int> InHetDossier() => (await jbn.LeesDossierAsync(new LeesDossierRequest { OverdrachtId = id })).Documenten.Count;

        // A refused document anywhere in the stream: nothing of it is stored, and the answer names its place.
        var fout = await Assert.ThrowsAsync<RpcException>(() => LeverInEenStroom(jbn,
            [Document(gezin[0], DocumentSoort.Beschikking), Document(gezin[1], DocumentSoort.Beschikking, inhoud: "")]));
        Assert.Equal(StatusCode.InvalidArgument, fout.StatusCode);
        Assert.Contains("Document 2", fout.Status.Detail);
        Assert.Equal(0, await InHetDossier());

        // The dossier in one call; the same file twice in the stream is one document.
        List<LeverDocumentenRequest> dossier = [.. gezin.Select(m => Document(m, DocumentSoort.Beschikking)), Document(gezin[0], DocumentSoort.PlanVanAanpak)];
        var eerste = await LeverInEenStroom(jbn, [.. dossier, dossier[0]]);
        Assert.Equal(4, eerste.Nieuw);
        Assert.Equal(5, eerste.Documenten.Count);
        Assert.Equal(eerste.Documenten[0].Id, eerste.Documenten[4].Id);
        Assert.Equal(4, await InHetDossier());

        // Sent again (the connection broke before the answer): recognised, nothing stored twice.
        var opnieuw = await LeverInEenStroom(jbn, dossier);
        Assert.Equal(0, opnieuw.Nieuw);
        Assert.Equal(eerste.Documenten.Take(4).Select(d => d.Id), opnieuw.Documenten.Select(d => d.Id));
        Assert.Equal(4, await InHetDossier());

        // Only the sending GI delivers; the receiver's attempt is refused and, like every delivery, in the access log.
        var weigering = await Assert.ThrowsAsync<RpcException>(() => LeverInEenStroom(Overdracht(Organisatie.Gi("WSS")), [Document(gezin[0], DocumentSoort.Voortgangsverslag)]));
        Assert.Equal(StatusCode.PermissionDenied, weigering.StatusCode);
        var log = (await jbn.LeesToegangslogAsync(new Jbk.Overdracht.V1.LeesToegangslogRequest { Aantal = 1000 })).Regels;
        Assert.Contains(log, r => r.Handeling.EndsWith("/LeverDocumenten") && r.Uitkomst == "OK" && r.Betrokkenen.Contains($"overdracht:{id}")
            && gezin.All(m => r.Betrokkenen.Contains($"maatregel:{m.Id}")));
        Assert.Contains(log, r => r.Handeling.EndsWith("/LeverDocumenten") && r.Uitkomst == "INVALID_ARGUMENT");
        var wssLog = (await Overdracht(Organisatie.Gi("WSS")).LeesToegangslogAsync(new Jbk.Overdracht.V1.LeesToegangslogRequest { Aantal = 1000 })).Regels;
        Assert.Contains(wssLog, r => r.Handeling.EndsWith("/LeverDocumenten") && r.Uitkomst == "PERMISSION_DENIED" && r.Betrokkenen.Contains($"overdracht:{id}"));
        await jbn.AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest { OverdrachtId = id, Reden = "test van de levering" });
    }

    /// <summary>Reads the stream until a handover it sends matches, or fails after a minute naming what it waited for.</summary>
    private static async Task<OverdrachtProto> WachtInStroom(IAsyncStreamReader<VolgOverdrachtenResponse> stroom, Func<OverdrachtProto, bool> wat, string beschrijving)
    {
        using var tijd = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await stroom.MoveNext(tijd.Token))
                if (stroom.Current.Overdracht is { } o && wat(o)) return o;
        }
        catch (Exception ex) when (tijd.IsCancellationRequested && ex is RpcException or OperationCanceledException) { }
        throw new Xunit.Sdk.XunitException($"VolgOverdrachten stuurde binnen 60 s niet: {beschrijving}.");
    }

    [Fact]
    public async Task The_receiving_GI_follows_its_handovers_as_they_change_and_nobody_else_follows_them()
    {
        var gezin = await GezinBijJbn();
        var jbn = Overdracht(Organisatie.Gi("JBN"));
        var wss = Overdracht(Organisatie.Gi("WSS"));
        using var stop = new CancellationTokenSource();
        using var volg = wss.VolgOverdrachten(new VolgOverdrachtenRequest { GiCode = "WSS", Rol = OverdrachtRol.Ontvangend }, cancellationToken: stop.Token);

        // First part: the handovers WSS receives as they now are, then the mark that the stream is up to date.
        var eerste = new List<OverdrachtProto>();
        using (var tijd = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            while (true)
            {
                Assert.True(await volg.ResponseStream.MoveNext(tijd.Token), "De stroom eindigde voor hij bijgewerkt was.");
                if (volg.ResponseStream.Current.Bijgewerkt is { } bijgewerkt)
                {
                    Assert.Equal(eerste.Count, bijgewerkt.Aantal);
                    break;
                }
                eerste.Add(volg.ResponseStream.Current.Overdracht);
            }
        Assert.All(eerste, o => Assert.Equal("WSS", o.OntvangendeGi));
        Assert.All(eerste, o => Assert.Empty(o.Historie));

        // A new handover to WSS arrives without WSS asking, and so does each change of it.
        var aanvraag = Aanvraag(gezin);
        await jbn.VraagOverdrachtAanAsync(aanvraag);
        var nieuw = await WachtInStroom(volg.ResponseStream, o => o.Id == aanvraag.OverdrachtId, "de nieuwe overdracht van JBN aan WSS");
        Assert.Equal(gezin.Select(m => m.Id).Order(), nieuw.MaatregelIds.Order());
        await jbn.AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest { OverdrachtId = aanvraag.OverdrachtId, Reden = "verkeerde ontvanger" });
        await WachtInStroom(volg.ResponseStream, o => o.Id == aanvraag.OverdrachtId && o.Status == OverdrachtStatus.Geannuleerd, "de annulering");
        await stop.CancelAsync();

        // What the stream disclosed is in WSS's access log, with the handover it concerned.
        var log = (await wss.LeesToegangslogAsync(new Jbk.Overdracht.V1.LeesToegangslogRequest { Aantal = 1000 })).Regels;
        Assert.Contains(log, r => r.Handeling.EndsWith("/VolgOverdrachten") && r.Uitkomst == "OK" && r.Betrokkenen.Contains($"overdracht:{aanvraag.OverdrachtId}"));

        // Another GI may not follow WSS's handovers, nor may the operator follow a GI's (personal data); both refusals logged.
        foreach (var buiten in new[] { Organisatie.Gi("JBF"), Organisatie.Operator })
        {
            using var poging = Overdracht(buiten).VolgOverdrachten(new VolgOverdrachtenRequest { GiCode = "WSS" });
            var weigering = await Assert.ThrowsAsync<RpcException>(() => poging.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(StatusCode.PermissionDenied, weigering.StatusCode);
        }
        var jbf = (await Overdracht(Organisatie.Gi("JBF")).LeesToegangslogAsync(new Jbk.Overdracht.V1.LeesToegangslogRequest { Aantal = 1000 })).Regels;
        Assert.Contains(jbf, r => r.Handeling.EndsWith("/VolgOverdrachten") && r.Uitkomst == "PERMISSION_DENIED");
    }

    [Fact]
    public async Task A_cancel_that_meets_a_change_by_another_writer_is_taken_again_on_what_is_there_now()
    {
        var gezin = await GezinBijJbn();
        var jbn = Overdracht(Organisatie.Gi("JBN"));
        var aanvraag = Aanvraag(gezin);
        await jbn.VraagOverdrachtAanAsync(aanvraag);
        var voor = await WachtOpStatus(aanvraag.OverdrachtId, OverdrachtStatus.CapaciteitGereserveerd);

        // Another writer (as the process is when it takes a step) holds the handover and moves its version on.
        await using var ander = new NpgsqlConnection(platform.DatabaseConnectionString("overdracht"));
        await ander.OpenAsync();
        await using var transactie = await ander.BeginTransactionAsync();
        await using (var verhoog = new NpgsqlCommand("""UPDATE overdrachten SET "Versie" = "Versie" + 1 WHERE "Id" = @id""", ander, transactie))
        {
            verhoog.Parameters.AddWithValue("id", Guid.Parse(aanvraag.OverdrachtId));
            Assert.Equal(1, await verhoog.ExecuteNonQueryAsync());
        }
        var annulering = jbn.AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest { OverdrachtId = aanvraag.OverdrachtId, Reden = "verkeerde ontvanger" }).ResponseAsync;
        // The cancel has read the version before and now waits for the other writer's lock to store its step.
        await Eventually.HoldsAsync(async () =>
        {
            await using var wacht = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'", ander, transactie);
            return (long)(await wacht.ExecuteScalarAsync())! > 0;
        }, "the cancel waits for the other writer's lock on the handover", TimeSpan.FromSeconds(30));
        await transactie.CommitAsync();

        // Its version no longer matched: the cancel was taken again on what is there now, once.
        var geannuleerd = (await annulering).Overdracht;
        Assert.Equal(OverdrachtStatus.Geannuleerd, geannuleerd.Status);
        Assert.Equal("geannuleerd", geannuleerd.Historie.Last().Wat);
        Assert.Single(geannuleerd.Historie, h => h.Wat == "geannuleerd");
        Assert.Equal(voor.Historie.Select(h => h.Wat), geannuleerd.Historie.SkipLast(1).Select(h => h.Wat).Take(voor.Historie.Count));
        var gelezen = (await jbn.GeefOverdrachtAsync(new GeefOverdrachtRequest { OverdrachtId = aanvraag.OverdrachtId })).Overdracht;
        Assert.Equal(geannuleerd.Historie.Select(h => h.Wat), gelezen.Historie.Select(h => h.Wat));
    }

    [Fact]
    public async Task A_document_delivered_twenty_times_at_once_is_stored_once()
    {
        var gezin = await GezinBijJbn();
        var jbn = Overdracht(Organisatie.Gi("JBN"));
        var aanvraag = Aanvraag(gezin);
        await jbn.VraagOverdrachtAanAsync(aanvraag);
        await WachtOpStatus(aanvraag.OverdrachtId, OverdrachtStatus.CapaciteitGereserveerd);
        var levering = new LeverDocumentRequest
        {
            OverdrachtId = aanvraag.OverdrachtId, MaatregelId = gezin[0].Id, Soort = DocumentSoort.Beschikking, Datum = Vandaag.ToProto(),
            Inhoud = ByteString.CopyFromUtf8("synthetische beschikking"),
        };
        var uitkomsten = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try { return ((await jbn.LeverDocumentAsync(levering)).Document.Id, StatusCode.OK); }
            catch (RpcException ex) { return ("", ex.StatusCode); }
        }));
        Assert.All(uitkomsten, u => Assert.True(u.Item2 is StatusCode.OK or StatusCode.Aborted, $"{u.Item2}"));
        Assert.Single(uitkomsten.Where(u => u.Item2 == StatusCode.OK).Select(u => u.Item1).Distinct());
        var dossier = await jbn.LeesDossierAsync(new LeesDossierRequest { OverdrachtId = aanvraag.OverdrachtId });
        Assert.Single(dossier.Documenten, d => d.MaatregelId == gezin[0].Id && d.Soort == DocumentSoort.Beschikking);
        // Another content of the same kind is another document (a corrected version), not a repeat.
        await jbn.LeverDocumentAsync(new LeverDocumentRequest(levering) { Inhoud = ByteString.CopyFromUtf8("gecorrigeerde beschikking") });
        dossier = await jbn.LeesDossierAsync(new LeesDossierRequest { OverdrachtId = aanvraag.OverdrachtId });
        Assert.Equal(2, dossier.Documenten.Count(d => d.MaatregelId == gezin[0].Id && d.Soort == DocumentSoort.Beschikking));
        await jbn.AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest { OverdrachtId = aanvraag.OverdrachtId, Reden = "alleen voor deze test" });
    }

    private async Task ControleerTijdlijnen(IReadOnlyList<Maatregelen.V1.Maatregel> gezin)
    {
        foreach (var m in gezin)
        {
            var na = (await Maatregelen(Organisatie.Gi("WSS")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = m.Id })).Maatregel;
            Assert.Equal("WSS", na.VerantwoordelijkeGi);
            var perioden = na.Verantwoordelijkheden;
            Assert.Equal(["JBN", "WSS"], perioden.Select(p => p.GiCode)); // exactly one switch
            Assert.Equal(perioden[0].Tot, perioden[1].Van);                 // no gap, no overlap
            Assert.Null(perioden[1].Tot);
        }
    }

    private async Task<long> ReserveringenVan(string overdrachtId)
    {
        await using var connection = new NpgsqlConnection(platform.DatabaseConnectionString("capaciteit"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM reserveringen WHERE "IdempotentieSleutel" LIKE @k""", connection);
        count.Parameters.AddWithValue("k", $"overdracht:{overdrachtId}:%");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_family_with_an_OTS_an_MUHP_and_a_voogdij_moves_from_JBN_to_WSS_through_every_step()
    {
        var gezin = await GezinBijJbn();
        var wssVoor = await platform.LoadAsync("WSS");

        var klaar = await DoorloopAlleStappen(gezin);

        Assert.Equal(["aangevraagd", "gecontroleerd", "capaciteit gereserveerd", "dossier geleverd", "geaccepteerd", "verzoek aan rechter", "besluit rechter",
            "warme overdracht gehouden", "omzetting gevraagd", "verantwoordelijkheid omgezet", "voltooid"], klaar.Historie.Select(s => s.Wat));
        Assert.All(klaar.Controles, c => Assert.True(c.Geslaagd, $"{c.Regel}: {c.Toelichting}"));
        await ControleerTijdlijnen(gezin);
        Assert.Equal(3, await ReserveringenVan(klaar.Id)); // one per type: OTS, MUHP, voogdij
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("WSS") == wssVoor + 3, "WSS carries the family's three measures");
    }

    [Fact]
    public async Task Killing_the_overdracht_process_at_several_steps_ends_in_the_same_state_without_a_second_reservation_or_switch()
    {
        var gezin = await GezinBijJbn();

        var klaar = await DoorloopAlleStappen(gezin, async stap =>
        {
            if (stap is "aangevraagd" or "geaccepteerd" or "omzetting gevraagd")
            {
                platform.Overdracht.Kill();
                await platform.StartAsync(platform.Overdracht);
            }
        });

        Assert.Equal(OverdrachtStatus.Voltooid, klaar.Status);
        Assert.Single(klaar.Historie, s => s.Wat == "verantwoordelijkheid omgezet");
        Assert.Single(klaar.Historie, s => s.Wat == "capaciteit gereserveerd");
        await ControleerTijdlijnen(gezin);
        Assert.Equal(3, await ReserveringenVan(klaar.Id));
    }

    [Fact]
    public async Task The_receiving_GI_before_it_is_party_and_a_third_GI_cannot_read_the_dossier_and_the_attempts_are_recorded()
    {
        var gezin = await GezinBijJbn();
        var aanvraag = Aanvraag(gezin);
        aanvraag.GeplandeOmzetting = Vandaag.AddDays(30).ToProto();
        // A deadline without owner keeps it from becoming party: the checks refuse it.
        aanvraag.TermijnEigenaars.Clear();
        var o = (await Overdracht(Organisatie.Gi("JBN")).VraagOverdrachtAanAsync(aanvraag)).Overdracht;
        var geweigerd = await WachtOpStatus(o.Id, OverdrachtStatus.Geweigerd);
        Assert.Contains(geweigerd.Controles, c => c.Regel == "GeenTermijnZonderEigenaar" && !c.Geslaagd);

        var lees = (Organisatie org) => Overdracht(org).LeesDossierAsync(new LeesDossierRequest { OverdrachtId = o.Id }).ResponseAsync;
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => lees(Organisatie.Gi("WSS")))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => lees(Organisatie.Gi("LJR")))).StatusCode);

        await using var connection = new NpgsqlConnection(platform.DatabaseConnectionString("overdracht"));
        await connection.OpenAsync();
        await using var log = new NpgsqlCommand("""SELECT "Organisatie", "Toegestaan", "Jeugdigen" FROM dossier_log WHERE "OverdrachtId" = @id""", connection);
        log.Parameters.AddWithValue("id", Guid.Parse(o.Id));
        var regels = new List<(string Org, bool Toegestaan, string Jeugdigen)>();
        await using (var reader = await log.ExecuteReaderAsync())
            while (await reader.ReadAsync()) regels.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetString(2)));
        Assert.Contains(regels, r => r.Org == "gi:WSS" && !r.Toegestaan);
        Assert.Contains(regels, r => r.Org == "gi:LJR" && !r.Toegestaan);
        Assert.All(regels, r => Assert.Contains(gezin[0].JeugdigeId, r.Jeugdigen));
    }

    [Fact]
    public async Task Cancel_before_the_switch_releases_the_reservation_and_leaves_the_sending_GI_responsible()
    {
        var gezin = await GezinBijJbn();
        var capaciteit = platform.CapaciteitClient(Organisatie.Operator);
        async Task<double> GereserveerdBijWss() =>
            (await capaciteit.GeefCapaciteitsoverzichtAsync(new GeefCapaciteitsoverzichtRequest())).Gis.Single(g => g.GiCode == "WSS").Gereserveerd;
        var voor = await GereserveerdBijWss();
        var aanvraag = Aanvraag(gezin);
        await Overdracht(Organisatie.Gi("JBN")).VraagOverdrachtAanAsync(aanvraag);
        await WachtOpStatus(aanvraag.OverdrachtId, OverdrachtStatus.CapaciteitGereserveerd);
        Assert.True(await GereserveerdBijWss() > voor);

        await Overdracht(Organisatie.Gi("JBN")).AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest { OverdrachtId = aanvraag.OverdrachtId, Reden = "gezin verhuist naar Groningen" });

        await Eventually.HoldsAsync(async () => await GereserveerdBijWss() == voor, "the reservation is released");
        foreach (var m in gezin)
        {
            var nu = (await Maatregelen(Organisatie.Gi("JBN")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = m.Id })).Maatregel;
            Assert.Equal("JBN", nu.VerantwoordelijkeGi);
            Assert.Single(nu.Verantwoordelijkheden);
        }
        // A replay of the cancel by someone who is no party learns nothing: refused before any reply.
        foreach (var buitenstaander in new[] { Organisatie.Gi("JBF"), Organisatie.Operator, Organisatie.Rvdk })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await Overdracht(buitenstaander)
                .AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest { OverdrachtId = aanvraag.OverdrachtId, Reden = "nogmaals" }));
            Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
            Assert.DoesNotContain("JBN", ex.Status.Detail);
        }
        // The read access granted for the handover is withdrawn as well.
        await Eventually.HoldsAsync(async () =>
        {
            try { await Maatregelen(Organisatie.Gi("WSS")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = gezin[0].Id }); return false; }
            catch (RpcException ex) { return ex.StatusCode == StatusCode.PermissionDenied; }
        }, "WSS no longer reads the measure");
    }

    [Fact]
    public async Task A_rule_broken_after_acceptance_stops_the_switch_and_the_handover_is_stuck_with_the_rule()
    {
        var gezin = await GezinBijJbn();
        var nieuwGezinslid = "";
        var o = await DoorloopAlleStappen(gezin, async stap =>
        {
            if (stap != "geaccepteerd") return;
            // Behind the handover's back: the RvdK registers a sibling's OTS at JBN, so the family would be split at the switch.
            nieuwGezinslid = (await Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(new RegistreerMaatregelRequest
            {
                IdempotentieSleutel = Guid.NewGuid().ToString(), Type = MaatregelType.Ots.ToProto(), GiCode = "JBN", Regio = "drenthe",
                Startdatum = Vandaag.AddDays(-1).ToProto(), Einddatum = Vandaag.AddMonths(11).ToProto(),
                Jeugdige = new Jeugdige { Bsn = Registratie.Bsn(), Geboortedatum = new DateOnly(2016, 2, 3).ToProto(), Gemeente = "GM1680", GezinId = gezin[0].GezinId },
            })).Maatregel.Id;
        }, totOmzettingGevraagd: true);

        OverdrachtProto? laatst = null;
        await Eventually.HoldsAsync(async () =>
        {
            laatst = (await Overdracht(Organisatie.Gi("JBN")).GeefOverdrachtAsync(new GeefOverdrachtRequest { OverdrachtId = o.Id })).Overdracht;
            return laatst.Vastgelopen.Length > 0;
        }, $"the switch of {o.Id} is stopped (now {laatst?.Status}, vastgelopen '{laatst?.Vastgelopen}')", TimeSpan.FromSeconds(60));

        Assert.Contains("GezinBlijftSamen bij omzetting", laatst!.Vastgelopen);
        Assert.Equal(OverdrachtStatus.Geaccepteerd, laatst.Status);
        Assert.Contains(laatst.Historie, h => h.Wat == "omzetting gestopt");
        foreach (var m in gezin.Select(m => m.Id).Append(nieuwGezinslid))
        {
            var nu = (await Maatregelen(Organisatie.Gi("JBN")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = m })).Maatregel;
            Assert.Equal("JBN", nu.VerantwoordelijkeGi);
            Assert.Single(nu.Verantwoordelijkheden);
        }
        // The request for the switch is withdrawn: the GIs can still cancel (and ask again with the whole family).
        var geannuleerd = (await Overdracht(Organisatie.Gi("JBN")).AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest
        {
            OverdrachtId = o.Id, Reden = "het gezin gaat samen over in een nieuwe overdracht",
        })).Overdracht;
        Assert.Equal(OverdrachtStatus.Geannuleerd, geannuleerd.Status);
    }
    [Fact]
    public async Task A_switch_is_refused_while_a_measure_of_the_handover_has_ended_and_the_GIs_can_still_cancel()
    {
        var gezin = await GezinBijJbn();
        var o = await DoorloopAlleStappen(gezin, klaarVoorOmzetting: true);
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        await Maatregelen(Organisatie.Gi("JBN")).BeeindigMaatregelAsync(new BeeindigMaatregelRequest
        {
            MaatregelId = gezin[2].Id, Datum = vandaag.ToProto(), Reden = "de jeugdige is verhuisd naar het buitenland",
        });

        // Once overdracht knows the measure ended (its events travel), the switch is refused before it is asked for.
        await Eventually.HoldsAsync(async () =>
            !(await Overdracht(Organisatie.Gi("JBN")).GeefMaatregelStandAsync(new GeefMaatregelStandRequest { MaatregelId = gezin[2].Id })).Lopend,
            "overdracht knows the measure ended", TimeSpan.FromSeconds(30));
        var geweigerd = await Assert.ThrowsAsync<RpcException>(async () =>
            await Overdracht(Organisatie.Gi("WSS")).ZetOmAsync(new ZetOmRequest { OverdrachtId = o.Id, Op = Timestamp.FromDateTime(DateTime.UtcNow) }));
        Assert.Equal(StatusCode.FailedPrecondition, geweigerd.StatusCode);
        Assert.Contains(gezin[2].Id, geweigerd!.Status.Detail);
        Assert.Equal("MaatregelLooptBijOmzetting", geweigerd.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);

        var geannuleerd = (await Overdracht(Organisatie.Gi("JBN")).AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest
        {
            OverdrachtId = o.Id, Reden = "een maatregel is beëindigd; een nieuwe overdracht volgt zonder haar",
        })).Overdracht;
        Assert.Equal(OverdrachtStatus.Geannuleerd, geannuleerd.Status);
        foreach (var m in gezin.Take(2))
            Assert.Equal("JBN", (await Maatregelen(Organisatie.Gi("JBN")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = m.Id })).Maatregel.VerantwoordelijkeGi);
    }

    [Fact]
    public async Task A_cancel_racing_the_switch_leaves_either_everything_at_the_sender_or_everything_at_the_receiver_with_its_places()
    {
        for (var ronde = 0; ronde < 3; ronde++)
        {
            var gezin = await GezinBijJbn();
            var o = await DoorloopAlleStappen(gezin, klaarVoorOmzetting: true);
            var jbn = Overdracht(Organisatie.Gi("JBN"));
            var wss = Overdracht(Organisatie.Gi("WSS"));
            var op = Timestamp.FromDateTime(DateTime.UtcNow);
            async Task<StatusCode> Poging(Func<Task> stap)
            {
                try { await stap(); return StatusCode.OK; }
                catch (RpcException ex) { return ex.StatusCode; }
            }
            // Ten switches and ten cancels at once, from both GIs.
            var uitkomsten = await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(i => new[]
            {
                Poging(() => (i % 2 == 0 ? jbn : wss).ZetOmAsync(new ZetOmRequest { OverdrachtId = o.Id, Op = op }).ResponseAsync),
                Poging(() => (i % 2 == 0 ? wss : jbn).AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest { OverdrachtId = o.Id, Reden = "race" }).ResponseAsync),
            }));
            Assert.All(uitkomsten, c => Assert.Contains(c, new[] { StatusCode.OK, StatusCode.Aborted, StatusCode.FailedPrecondition }));

            // Settled: cancelled with every place released, or switched with every place counted as load.
            OverdrachtProto? eind = null;
            await Eventually.HoldsAsync(async () =>
            {
                eind = (await jbn.GeefOverdrachtAsync(new GeefOverdrachtRequest { OverdrachtId = o.Id })).Overdracht;
                if (eind.Status == OverdrachtStatus.Geannuleerd) return await ReserveringenMetStatus(o.Id, "Actief") == 0;
                return eind.Status == OverdrachtStatus.Omgezet && await ReserveringenMetStatus(o.Id, "Omgezet") == await ReserveringenVan(o.Id);
            }, $"handover {o.Id} settles", TimeSpan.FromSeconds(60));

            var gi = eind!.Status == OverdrachtStatus.Omgezet ? "WSS" : "JBN";
            foreach (var m in gezin)
                Assert.Equal(gi, (await Maatregelen(Organisatie.Gi(gi)).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = m.Id })).Maatregel.VerantwoordelijkeGi);
            if (eind.Status == OverdrachtStatus.Geannuleerd) Assert.Equal(0, await ReserveringenMetStatus(o.Id, "Omgezet"));
            else Assert.Equal(0, await ReserveringenMetStatus(o.Id, "Vrijgegeven"));
        }
    }

    private async Task<long> ReserveringenMetStatus(string overdrachtId, string status)
    {
        await using var connection = new NpgsqlConnection(platform.DatabaseConnectionString("capaciteit"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM reserveringen WHERE "IdempotentieSleutel" LIKE @k AND "Status" = @s""", connection);
        count.Parameters.AddWithValue("k", $"overdracht:{overdrachtId}:%");
        count.Parameters.AddWithValue("s", status);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
