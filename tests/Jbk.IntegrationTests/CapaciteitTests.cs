using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;

namespace Jbk.IntegrationTests;

/// <summary>Capaciteit in distributed mode: reservations against PostgreSQL, load through RabbitMQ, the RvdK's question.</summary>
[Collection(DistributedCollection.Name)]
public sealed class CapaciteitTests(DistributedPlatform platform)
{
    private CapaciteitService.CapaciteitServiceClient Als(Organisatie org) => platform.CapaciteitClient(org);

    [Fact]
    public async Task N_parallel_reservations_for_M_free_places_succeed_exactly_M_times()
    {
        const int plaatsen = 5, aanvragen = 16;
        // JGB with room for exactly five OTS: one FTE at a norm of five, nothing running.
        await Als(Organisatie.Operator).StelBezettingInAsync(new StelBezettingInRequest
        {
            Bezetting = new Bezetting { GiCode = "JGB", FteTotaal = 1, Norm = plaatsen, Opleidingsfactor = 0.5 },
        });
        var dienst = Als(Organisatie.Dienst("overdracht"));
        ReserveerCapaciteitRequest Aanvraag() => new()
        {
            IdempotentieSleutel = Guid.NewGuid().ToString(), GiCode = "JGB", Regio = "noord-holland", Type = MaatregelType.Ots.ToProto(),
            Aantal = 1, VerlooptOp = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(14)),
        };

        var uitkomsten = await Task.WhenAll(Enumerable.Range(0, aanvragen).Select(async _ =>
        {
            try { await dienst.ReserveerCapaciteitAsync(Aanvraag()); return StatusCode.OK; }
            catch (RpcException ex) { return ex.StatusCode; }
        }));

        Assert.Equal(plaatsen, uitkomsten.Count(u => u == StatusCode.OK));
        Assert.Equal(aanvragen - plaatsen, uitkomsten.Count(u => u == StatusCode.FailedPrecondition));
        var overzicht = await Als(Organisatie.Operator).GeefCapaciteitsoverzichtAsync(new GeefCapaciteitsoverzichtRequest { Regio = "noord-holland" });
        Assert.Equal(0, overzicht.Gis.Single(g => g.GiCode == "JGB").Vrij);
    }

    [Fact]
    public async Task A_released_reservation_frees_its_place_and_the_same_key_never_reserves_twice()
    {
        await Als(Organisatie.Operator).StelBezettingInAsync(new StelBezettingInRequest
        {
            Bezetting = new Bezetting { GiCode = "JBRA", FteTotaal = 1, Norm = 1, Opleidingsfactor = 0.5 },
        });
        var dienst = Als(Organisatie.Dienst("overdracht"));
        var aanvraag = new ReserveerCapaciteitRequest
        {
            IdempotentieSleutel = Guid.NewGuid().ToString(), GiCode = "JBRA", Regio = "amsterdam", Type = MaatregelType.Ots.ToProto(),
            Aantal = 1, VerlooptOp = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(14)),
        };
        var eerste = await dienst.ReserveerCapaciteitAsync(aanvraag);
        Assert.Equal(eerste.ReserveringId, (await dienst.ReserveerCapaciteitAsync(aanvraag)).ReserveringId);

        var tweede = aanvraag.Clone();
        tweede.IdempotentieSleutel = Guid.NewGuid().ToString();
        var vol = await Assert.ThrowsAsync<RpcException>(async () => await dienst.ReserveerCapaciteitAsync(tweede));
        Assert.Contains("geen ruimte", vol.Status.Detail);

        await dienst.BeeindigReserveringAsync(new BeeindigReserveringRequest { ReserveringId = eerste.ReserveringId, Uitkomst = ReserveringUitkomst.Vrijgegeven });
        Assert.NotEmpty((await dienst.ReserveerCapaciteitAsync(tweede)).ReserveringId);
    }

    /// <summary>
    /// Eventual consistency, not a timing: every registration shows in capaciteit's load (the lag is a figure for the
    /// benchmark, not a pass mark for a test on a busy machine).
    /// </summary>
    [Fact]
    public async Task Load_follows_every_registration_through_the_bus()
    {
        var rvdk = platform.Maatregelen(Organisatie.Rvdk);
        var voor = await platform.LoadAsync("JBW");
        for (var i = 0; i < 7; i++) await rvdk.RegistreerMaatregelAsync(Registratie.Ots("JBW", "haaglanden"));
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBW") == voor + 7, "the load follows all seven registrations", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(voor + 7, await platform.LoadAsync("JBW")); // and counts none twice
    }

    /// <summary>
    /// A GI's monthly caseload report makes its load real: what the report counts beyond the measures the platform holds
    /// is added (weighted), measures that arrive through the platform afterwards count on top, a retry changes nothing,
    /// an older report cannot replace a newer one and only the GI itself (or an operator) reports.
    /// </summary>
    [Fact]
    public async Task A_caseload_report_adds_the_measures_outside_the_platform_to_the_load_once()
    {
        var svmn = Als(Organisatie.Gi("SVMN"));
        await Als(Organisatie.Operator).StelBezettingInAsync(new StelBezettingInRequest
        {
            Bezetting = new Bezetting { GiCode = "SVMN", FteTotaal = 10, Norm = 10, Opleidingsfactor = 0.5 },
        });
        var rvdk = platform.Maatregelen(Organisatie.Rvdk);
        var voor = await platform.LoadAsync("SVMN");
        for (var i = 0; i < 2; i++) await rvdk.RegistreerMaatregelAsync(Registratie.Ots("SVMN", "utrecht"));
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("SVMN") == voor + 2, "capaciteit counts both registrations", TimeSpan.FromSeconds(60));
        async Task<CapaciteitPerGi> Overzicht() =>
            (await Als(Organisatie.Operator).GeefCapaciteitsoverzichtAsync(new GeefCapaciteitsoverzichtRequest { Regio = "utrecht" })).Gis.Single(g => g.GiCode == "SVMN");
        var zonder = await Overzicht();
        Assert.Contains(zonder.Meldingen, m => m.Contains("geen caseload gerapporteerd"));
        Assert.Null(zonder.CaseloadPeildatum);

        var peildatum = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var rapport = new RapporteerCaseloadRequest
        {
            GiCode = "SVMN", Peildatum = peildatum.ToProto(),
            Regels =
            {
                new CaseloadRegel { Regio = "utrecht", Type = MaatregelType.Ots.ToProto(), Aantal = voor + 2 + 30 },
                new CaseloadRegel { Regio = "utrecht", Type = MaatregelType.Muhp.ToProto(), Aantal = 10 },
            },
        };
        var antwoord = await svmn.RapporteerCaseloadAsync(rapport);
        // 30 OTS beyond the ones the platform holds, and ten MUHP at half weight.
        Assert.Equal(35, antwoord.BelastingBuitenPlatform);
        Assert.Equal(voor + 2, antwoord.Regels.Single(r => r.Type == MaatregelType.Ots.ToProto()).InPlatform);
        var met = await Overzicht();
        Assert.Equal(zonder.Belasting + 35, met.Belasting);
        Assert.Equal(zonder.Vrij - 35, met.Vrij);
        Assert.Equal(35, met.BelastingBuitenPlatform);
        Assert.Equal(peildatum.ToProto(), met.CaseloadPeildatum);
        Assert.Empty(met.Meldingen);

        // A retry is the same report; a measure that arrives after the report counts on top of it.
        Assert.Equal(antwoord, await svmn.RapporteerCaseloadAsync(rapport));
        await rvdk.RegistreerMaatregelAsync(Registratie.Ots("SVMN", "utrecht"));
        await Eventually.HoldsAsync(async () => (await Overzicht()).Belasting == met.Belasting + 1, "a measure registered after the report adds one", TimeSpan.FromSeconds(60));

        var ouder = rapport.Clone();
        ouder.Peildatum = peildatum.AddMonths(-1).ToProto();
        var geweigerd = await Assert.ThrowsAsync<RpcException>(async () => await svmn.RapporteerCaseloadAsync(ouder));
        Assert.Equal(StatusCode.FailedPrecondition, geweigerd.StatusCode);
        Assert.Equal("NieuwsteRapportageTelt", geweigerd.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
        var toekomst = rapport.Clone();
        toekomst.Peildatum = peildatum.AddDays(7).ToProto();
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(async () => await svmn.RapporteerCaseloadAsync(toekomst))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied,
            (await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Gi("JBN")).RapporteerCaseloadAsync(rapport))).StatusCode);
    }

    [Fact]
    public async Task The_availability_for_an_LVB_case_in_Drenthe_lists_WSS_and_excludes_JBN_once_on_a_wind_down_certificate()
    {
        var rvdk = Als(Organisatie.Rvdk);
        var vraag = new VraagBeschikbaarheidRequest { Regio = "drenthe", Type = MaatregelType.Ots.ToProto(), Doelgroepen = { "lvb" } };

        var voor = await rvdk.VraagBeschikbaarheidAsync(vraag);
        Assert.Equal("JBN", voor.Kandidaten[0].GiCode);
        var wss = voor.Kandidaten.Single(k => k.GiCode == "WSS");
        Assert.Equal(Ring.Landelijk, wss.Ring);
        Assert.Contains(wss.Redenen, r => r.Contains("lvb"));

        // KMI: the regular certificate is withdrawn, a beëindigingscertificaat granted.
        var operatorClient = Als(Organisatie.Operator);
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        var status = await operatorClient.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = "JBN" });
        foreach (var c in status.Certificaten.Where(c => c.Soort != CertificaatSoort.Beeindiging))
            await operatorClient.TrekCertificaatInAsync(new TrekCertificaatInRequest { CertificaatId = c.Id, Op = vandaag.ToProto() });
        await operatorClient.RegistreerCertificaatAsync(new RegistreerCertificaatRequest { GiCode = "JBN", Soort = CertificaatSoort.Beeindiging, Van = vandaag.ToProto() });

        var na = await rvdk.VraagBeschikbaarheidAsync(vraag);
        Assert.DoesNotContain(na.Kandidaten, k => k.GiCode == "JBN");
        var jbn = na.Uitgesloten.Single(u => u.GiCode == "JBN");
        Assert.Equal("GeldigCertificaat", jbn.Regel);
        Assert.Contains("beëindigingscertificaat", jbn.Reden);
        Assert.Contains(na.Kandidaten, k => k.GiCode == "WSS");
        Assert.False((await rvdk.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = "JBN" })).MagNieuwAannemen);

        // JBN regains a full certificate (as in September 2025), so the other tests of this platform see it certified.
        await operatorClient.RegistreerCertificaatAsync(new RegistreerCertificaatRequest { GiCode = "JBN", Soort = CertificaatSoort.Regulier, Van = vandaag.ToProto() });
        Assert.True((await rvdk.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = "JBN" })).MagNieuwAannemen);
    }

    [Fact]
    public async Task Bad_input_and_unknown_GIs_get_clear_errors()
    {
        var rvdk = Als(Organisatie.Rvdk);
        var onbekendeGi = await Assert.ThrowsAsync<RpcException>(async () => await rvdk.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = "XYZ" }));
        Assert.Equal(StatusCode.NotFound, onbekendeGi.StatusCode);
        Assert.Contains("XYZ", onbekendeGi.Status.Detail);

        var onbekendeRegio = await Assert.ThrowsAsync<RpcException>(async () => await rvdk.VraagBeschikbaarheidAsync(
            new VraagBeschikbaarheidRequest { Regio = "atlantis", Type = MaatregelType.Ots.ToProto() }));
        Assert.Equal(StatusCode.NotFound, onbekendeRegio.StatusCode);

        var zonderType = await Assert.ThrowsAsync<RpcException>(async () => await rvdk.VraagBeschikbaarheidAsync(new VraagBeschikbaarheidRequest { Regio = "drenthe" }));
        Assert.Equal(StatusCode.InvalidArgument, zonderType.StatusCode);

        var geenOperator = await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Gi("JBN")).RegistreerCertificaatAsync(
            new RegistreerCertificaatRequest { GiCode = "JBN", Soort = CertificaatSoort.Regulier, Van = new DateOnly(2026, 1, 1).ToProto() }));
        Assert.Equal(StatusCode.PermissionDenied, geenOperator.StatusCode);

        var ziek = await Assert.ThrowsAsync<RpcException>(async () => await Als(Organisatie.Operator).StelBezettingInAsync(new StelBezettingInRequest
        {
            Bezetting = new Bezetting { GiCode = "JBB", FteTotaal = 10, FteZiek = 12 },
        }));
        Assert.Equal(StatusCode.InvalidArgument, ziek.StatusCode);
    }
}
