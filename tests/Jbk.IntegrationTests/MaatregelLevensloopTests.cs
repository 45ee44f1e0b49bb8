using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;

namespace Jbk.IntegrationTests;

/// <summary>A measure's life over gRPC in distributed mode, with capaciteit and overdracht following through RabbitMQ.</summary>
[Collection(DistributedCollection.Name)]
public sealed class MaatregelLevensloopTests(DistributedPlatform platform)
{
    private MaatregelService.MaatregelServiceClient Als(Organisatie org) => platform.Maatregelen(org);

    [Fact]
    public async Task Register_extend_and_end_over_gRPC_and_capaciteit_sees_the_load_go_up_and_down()
    {
        var voor = await platform.LoadAsync("JBRR");
        var gi = Als(Organisatie.Gi("JBRR"));

        // Running now: started two months ago, ends in ten.
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        var aanvraag = Registratie.Ots("JBRR", "rotterdam-rijnmond");
        aanvraag.Startdatum = vandaag.AddMonths(-2).ToProto();
        aanvraag.Einddatum = vandaag.AddMonths(10).ToProto();
        aanvraag.Beschikking.Datum = vandaag.AddMonths(-2).ToProto();
        aanvraag.Beschikking.Einddatum = aanvraag.Einddatum;
        var ots = (await Als(Organisatie.Rvdk).RegistreerMaatregelAsync(aanvraag)).Maatregel;
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBRR") == voor + 1, "the registration is counted");

        var verlengd = (await gi.VerlengMaatregelAsync(new VerlengMaatregelRequest
        {
            MaatregelId = ots.Id,
            Beschikking = new Beschikking { Rechtbank = "Rechtbank Rotterdam", Zaaknummer = "C/10/1", Datum = vandaag.ToProto(), Einddatum = vandaag.AddMonths(22).ToProto() },
        })).Maatregel;
        Assert.Equal(vandaag.AddMonths(22), verlengd.Einddatum.ToDateOnly());

        var beeindigd = (await gi.BeeindigMaatregelAsync(new BeeindigMaatregelRequest
        {
            MaatregelId = ots.Id, Datum = vandaag.ToProto(), Reden = "Doelen bereikt",
        })).Maatregel;
        Assert.Equal(Maatregelen.V1.MaatregelStatus.Beeindigd, beeindigd.Status);
        Assert.Equal(Timestamp.FromDateTime(vandaag.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), beeindigd.Verantwoordelijkheden.Single().Tot);
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBRR") == voor, "the ended measure no longer counts");
    }

    [Fact]
    public async Task The_law_refuses_an_extension_of_a_lapsed_measure_and_a_decision_dated_in_the_future()
    {
        var verleden = Registratie.Ots("JBRR", "rotterdam-rijnmond");
        var start = Registratie.Start.AddMonths(-12); // ended three months ago, unextended
        verleden.Startdatum = verleden.Beschikking.Datum = start.ToProto();
        verleden.Einddatum = verleden.Beschikking.Einddatum = start.AddYears(1).ToProto();
        var vervallen = (await Als(Organisatie.Rvdk).RegistreerMaatregelAsync(verleden)).Maatregel;
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Gi("JBRR")).VerlengMaatregelAsync(new VerlengMaatregelRequest
        {
            MaatregelId = vervallen.Id,
            Beschikking = new Beschikking { Rechtbank = "Rechtbank Rotterdam", Zaaknummer = "C/10/2", Datum = DateOnly.FromDateTime(DateTime.UtcNow).ToProto(), Einddatum = vervallen.Einddatum.ToDateOnly()!.Value.AddMonths(12).ToProto() },
        }));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("verviel", ex.Status.Detail);

        var toekomst = Registratie.Ots("JBRR", "rotterdam-rijnmond");
        toekomst.Beschikking.Datum = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToProto();
        var later = await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Rvdk).RegistreerMaatregelAsync(toekomst));
        Assert.Equal(StatusCode.FailedPrecondition, later.StatusCode);
        Assert.Contains("na vandaag", later.Status.Detail);
    }

    [Fact]
    public async Task A_transfer_by_the_overdracht_service_moves_the_load_and_the_stand_and_is_idempotent()
    {
        var jbbVoor = await platform.LoadAsync("JBB");
        var wssVoor = await platform.LoadAsync("WSS");
        var ots = (await Als(Organisatie.Rvdk).RegistreerMaatregelAsync(Registratie.Ots("JBB", "brabant"))).Maatregel;
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBB") == jbbVoor + 1, "registered at JBB");
        var request = new DraagVerantwoordelijkheidOverRequest
        {
            MaatregelId = ots.Id, VanGi = "JBB", NaarGi = "WSS", OverdrachtId = Guid.NewGuid().ToString(),
            Op = Timestamp.FromDateTime(Registratie.Start.AddMonths(1).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)),
        };

        // A GI cannot move responsibility itself; only the overdracht service can.
        var geweigerd = await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Gi("JBB")).DraagVerantwoordelijkheidOverAsync(request));
        Assert.Equal(StatusCode.PermissionDenied, geweigerd.StatusCode);

        var dienst = Als(Organisatie.Dienst("overdracht"));
        var eerste = (await dienst.DraagVerantwoordelijkheidOverAsync(request)).Maatregel;
        var tweede = (await dienst.DraagVerantwoordelijkheidOverAsync(request)).Maatregel;

        Assert.Equal("WSS", eerste.VerantwoordelijkeGi);
        Assert.Equal(2, tweede.Verantwoordelijkheden.Count);
        Assert.Equal(tweede.Verantwoordelijkheden[0].Tot, tweede.Verantwoordelijkheden[1].Van);
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("WSS") == wssVoor + 1 && await platform.LoadAsync("JBB") == jbbVoor,
            "the load moved from JBB to WSS");
        var stand = new OverdrachtService.OverdrachtServiceClient(platform.Channel(platform.Overdracht, Organisatie.Gi("WSS")));
        await Eventually.HoldsAsync(async () =>
            (await stand.GeefMaatregelStandAsync(new GeefMaatregelStandRequest { MaatregelId = ots.Id })).VerantwoordelijkeGi == "WSS",
            "overdracht knows WSS is responsible");
        // The old GI has lost access, the new one has it.
        var oud = await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Gi("JBB")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = ots.Id }));
        Assert.Equal(StatusCode.PermissionDenied, oud.StatusCode);
        Assert.Equal(ots.Id, (await Als(Organisatie.Gi("WSS")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = ots.Id })).Maatregel.Id);
    }

    [Fact]
    public async Task Bad_input_gets_a_status_and_a_message_that_names_the_problem()
    {
        var rvdk = Als(Organisatie.Rvdk);

        var bsn = Registratie.Ots("JBN");
        bsn.Jeugdige.Bsn = "123456789";
        await Verwacht(StatusCode.InvalidArgument, "elfproef", () => rvdk.RegistreerMaatregelAsync(bsn).ResponseAsync);

        var eindVoorStart = Registratie.Ots("JBN");
        eindVoorStart.Einddatum = Registratie.Start.AddDays(-1).ToProto();
        await Verwacht(StatusCode.InvalidArgument, "ligt niet na de startdatum", () => rvdk.RegistreerMaatregelAsync(eindVoorStart).ResponseAsync);

        await Verwacht(StatusCode.NotFound, "XYZ", () => rvdk.RegistreerMaatregelAsync(Registratie.Ots("XYZ")).ResponseAsync);

        var muhp = Registratie.Ots("JBN");
        muhp.Type = MaatregelType.Muhp.ToProto();
        await Verwacht(StatusCode.FailedPrecondition, "OTS", () => rvdk.RegistreerMaatregelAsync(muhp).ResponseAsync);

        var onbekend = Guid.NewGuid().ToString();
        await Verwacht(StatusCode.NotFound, onbekend, () => rvdk.GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = onbekend }).ResponseAsync);
    }

    [Fact]
    public async Task An_MUHP_inside_the_OTS_of_the_same_child_is_registered_and_siblings_share_a_family()
    {
        var rvdk = Als(Organisatie.Rvdk);
        var ots = (await rvdk.RegistreerMaatregelAsync(Registratie.Ots("JBN"))).Maatregel;
        var muhp = Registratie.Ots("JBN", jeugdige: Registratie.Jeugdige());
        muhp.Type = MaatregelType.Muhp.ToProto();
        muhp.OtsId = ots.Id;

        // Another child: MuhpBinnenOts refuses.
        await Verwacht(StatusCode.FailedPrecondition, "verschillende jeugdigen", () => rvdk.RegistreerMaatregelAsync(muhp).ResponseAsync);

        var bsn = Registratie.Bsn();
        var otsVanKind = (await rvdk.RegistreerMaatregelAsync(Registratie.Ots("JBN", jeugdige: Registratie.Jeugdige(bsn)))).Maatregel;
        muhp.OtsId = otsVanKind.Id;
        muhp.Jeugdige = Registratie.Jeugdige(bsn);
        muhp.IdempotentieSleutel = Guid.NewGuid().ToString();
        var geregistreerd = (await rvdk.RegistreerMaatregelAsync(muhp)).Maatregel;
        Assert.Equal(otsVanKind.JeugdigeId, geregistreerd.JeugdigeId);

        var broertje = (await rvdk.RegistreerMaatregelAsync(Registratie.Ots("JBN", jeugdige: Registratie.Jeugdige(gezinId: otsVanKind.GezinId)))).Maatregel;
        Assert.Equal(otsVanKind.GezinId, broertje.GezinId);
        var gezin = await Als(Organisatie.Gi("JBN")).ZoekMaatregelenAsync(new ZoekMaatregelenRequest { GiCode = "JBN", GezinId = otsVanKind.GezinId });
        Assert.Equal(3, gezin.Maatregelen.Count);
        Assert.All(gezin.Maatregelen, m => Assert.Empty(m.Doelgroepen));

        // Asked for, the search carries each child's doelgroepen, as GeefMaatregel does.
        var lvb = Registratie.Jeugdige(gezinId: otsVanKind.GezinId);
        lvb.Doelgroepen.Add("lvb");
        var zusje = (await rvdk.RegistreerMaatregelAsync(Registratie.Ots("JBN", jeugdige: lvb))).Maatregel;
        var metDoelgroepen = await Als(Organisatie.Gi("JBN")).ZoekMaatregelenAsync(
            new ZoekMaatregelenRequest { GiCode = "JBN", GezinId = otsVanKind.GezinId, MetDoelgroepen = true });
        Assert.Equal(["lvb"], metDoelgroepen.Maatregelen.Single(m => m.Id == zusje.Id).Doelgroepen);
        Assert.All(metDoelgroepen.Maatregelen.Where(m => m.Id != zusje.Id), m => Assert.Empty(m.Doelgroepen));
    }

    [Fact]
    public async Task The_receiving_GI_reads_a_measure_only_while_the_overdracht_service_grants_it()
    {
        var ots = (await Als(Organisatie.Rvdk).RegistreerMaatregelAsync(Registratie.Ots("JBN"))).Maatregel;
        var lezen = () => Als(Organisatie.Gi("LJR")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = ots.Id }).ResponseAsync;
        var overdracht = Guid.NewGuid().ToString();
        await Verwacht(StatusCode.PermissionDenied, "LJR", lezen);

        var dienst = Als(Organisatie.Dienst("overdracht"));
        await dienst.VerleenInzageAsync(new VerleenInzageRequest { MaatregelId = ots.Id, GiCode = "LJR", OverdrachtId = overdracht });
        Assert.Equal(ots.Id, (await lezen()).Maatregel.Id);

        await dienst.TrekInzageInAsync(new TrekInzageInRequest { MaatregelId = ots.Id, OverdrachtId = overdracht });
        await Verwacht(StatusCode.PermissionDenied, "LJR", lezen);
    }

    private static async Task Verwacht(StatusCode code, string inBericht, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, ex.StatusCode);
        Assert.Contains(inBericht, ex.Status.Detail);
    }

    [Fact]
    public async Task An_existing_measure_is_imported_with_its_extensions_in_one_call_and_one_that_lapsed_ends_by_law()
    {
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        Beschikking Verlenging(DateOnly datum, DateOnly tot) => new() { Rechtbank = "Rechtbank Rotterdam", Zaaknummer = "C/10/" + datum.DayNumber, Datum = datum.ToProto(), Einddatum = tot.ToProto() };
        RegistreerMaatregelRequest Import(DateOnly start, params Beschikking[] verlengingen)
        {
            var r = Registratie.Ots("JBRR", "rotterdam-rijnmond");
            r.Startdatum = r.Beschikking.Datum = start.ToProto();
            r.Einddatum = r.Beschikking.Einddatum = start.AddYears(1).ToProto();
            r.Verlengingen.AddRange(verlengingen);
            return r;
        }

        // Imposed twenty months ago for a year, extended a month before it would have lapsed: running, with both decisions.
        var start = vandaag.AddMonths(-20);
        var aanvraag = Import(start, Verlenging(start.AddMonths(11), start.AddMonths(24)));
        var ots = (await Als(Organisatie.Rvdk).RegistreerMaatregelAsync(aanvraag)).Maatregel;
        Assert.Equal(Maatregelen.V1.MaatregelStatus.Lopend, ots.Status);
        Assert.Equal(start.AddMonths(24), ots.Einddatum.ToDateOnly());
        Assert.Equal(2, ots.Beschikkingen.Count);
        Assert.Equal(ots.Id, (await Als(Organisatie.Rvdk).RegistreerMaatregelAsync(aanvraag)).Maatregel.Id); // a repeat is the same import

        // An extension decided after the measure had lapsed is refused by name, and nothing is stored.
        var tooLaat = Import(start, Verlenging(start.AddMonths(13), start.AddMonths(24)));
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Rvdk).RegistreerMaatregelAsync(tooLaat));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("verviel", ex.Status.Detail);

        // Imported without the extension under the same key (so the refused call stored nothing under it), it lapsed
        // eight months ago: the deadline watch ends it on its end date, by law.
        tooLaat.Verlengingen.Clear();
        var vervallen = (await Als(Organisatie.Rvdk).RegistreerMaatregelAsync(tooLaat)).Maatregel;

        await Eventually.HoldsAsync(async () =>
            (await Als(Organisatie.Gi("JBRR")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = vervallen.Id })).Maatregel.Status == Maatregelen.V1.MaatregelStatus.Beeindigd,
            "the lapsed measure ends by law", TimeSpan.FromSeconds(60));
        var beeindigd = (await Als(Organisatie.Gi("JBRR")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = vervallen.Id })).Maatregel;
        Assert.Equal(start.AddYears(1), beeindigd.BeeindigdOp.ToDateOnly());
    }
}
