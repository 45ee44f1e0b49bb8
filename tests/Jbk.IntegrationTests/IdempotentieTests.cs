using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Clientenstop.V1;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Maatregelen.V1;
using Npgsql;

namespace Jbk.IntegrationTests;

/// <summary>
/// Twenty identical requests at once (a client's retries, a double click, a proxy repeating) have one effect, counted in the
/// system of record; each answer is the result or ABORTED (another of them was storing it), never a second effect.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class IdempotentieTests(DistributedPlatform platform)
{
    private static async Task TwintigTegelijk(Func<Task> verzoek)
    {
        var uitkomsten = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try { await verzoek(); return StatusCode.OK; }
            catch (RpcException ex) { return ex.StatusCode; }
        }));
        Assert.All(uitkomsten, u => Assert.True(u is StatusCode.OK or StatusCode.Aborted, $"{u}"));
        Assert.Contains(StatusCode.OK, uitkomsten);
        await verzoek(); // and once more afterwards: the same answer, still one effect
    }

    [Fact]
    public async Task A_certificate_registered_twenty_times_at_once_is_one_certificate()
    {
        var van = new DateOnly(2041, 1, 1); // a date no other test registers
        var capaciteit = platform.CapaciteitClient(Organisatie.Operator);
        await TwintigTegelijk(() => capaciteit.RegistreerCertificaatAsync(new RegistreerCertificaatRequest
        {
            GiCode = "JBW", Soort = Capaciteit.V1.CertificaatSoort.Regulier, Van = van.ToProto(),
        }).ResponseAsync);
        var status = await capaciteit.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = "JBW" });
        Assert.Single(status.Certificaten, c => c.Van.ToDateOnly() == van);
    }

    [Fact]
    public async Task A_case_worker_assigned_twenty_times_at_once_is_one_assignment()
    {
        var jbb = platform.Maatregelen(Organisatie.Gi("JBB"));
        var maatregel = (await jbb.RegistreerMaatregelAsync(Registratie.Ots("JBB", "brabant"))).Maatregel;
        await TwintigTegelijk(() => jbb.WijsJeugdbeschermerToeAsync(new WijsJeugdbeschermerToeRequest
        {
            MaatregelId = maatregel.Id, Soort = ToewijzingSoort.Vast, Wie = "jbb-jb-idem", Van = Registratie.Start.AddDays(3).ToProto(),
        }).ResponseAsync);
        await using var db = new NpgsqlConnection(platform.DatabaseConnectionString("maatregelregistratie"));
        await db.OpenAsync();
        await using var tel = new NpgsqlCommand("""SELECT count(*) FROM toewijzingen WHERE "MaatregelId" = @m""", db);
        tel.Parameters.AddWithValue("m", Guid.Parse(maatregel.Id));
        Assert.Equal(1L, (long)(await tel.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task An_approval_and_an_objection_each_made_twenty_times_at_once_count_once()
    {
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        var voorstel = new StelStopVoorRequest
        {
            StopId = Guid.NewGuid().ToString(), Regios = { "drenthe" }, MaatregelTypes = { MaatregelType.Ots.ToProto() },
            Van = vandaag.AddDays(60).ToProto(), Tot = vandaag.AddMonths(5).ToProto(), Reden = "te weinig jeugdbeschermers voor nieuwe zaken",
        };
        ClientenstopService.ClientenstopServiceClient Als(Organisatie org) => new(platform.Channel(platform.Clientenstop, org));
        await Als(Organisatie.Gi("JBN")).StelStopVoorAsync(voorstel);
        await TwintigTegelijk(() => Als(Organisatie.Gemeente("GM0106")).KeurStopGoedAsync(new KeurStopGoedRequest { StopId = voorstel.StopId, Regio = "drenthe" }).ResponseAsync);
        await TwintigTegelijk(() => Als(Organisatie.Gi("JBF")).MaakBezwaarAsync(new MaakBezwaarRequest { StopId = voorstel.StopId, Reden = "JBF kan de instroom niet opvangen" }).ResponseAsync);

        var stop = (await Als(Organisatie.Operator).GeefStopAsync(new GeefStopRequest { StopId = voorstel.StopId })).Stop;
        Assert.Single(stop.Oordelen, o => o.Soort == "goedkeuring" && o.Organisatie == "gemeente:GM0106");
        Assert.Single(stop.Oordelen, o => o.Soort == "bezwaar" && o.Organisatie == "gi:JBF");
        Assert.Single(stop.Historie, h => h.Wat == "goedgekeurd");
        Assert.Single(stop.Historie, h => h.Wat == "bezwaar");
    }
}
