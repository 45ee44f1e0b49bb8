using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Security;
using Jbk.IntegrationTests.Infrastructure;

namespace Jbk.IntegrationTests;

/// <summary>
/// Readiness means the service can do its work now (database, bus, the services it calls); liveness only that the
/// process lives. Taken away from maatregelregistratie alone: the broker, then its database.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class GezondheidTests(DistributedPlatform platform)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Without_the_broker_a_publishing_service_is_alive_but_not_ready_and_what_it_committed_is_delivered_when_the_broker_returns()
    {
        var voor = await platform.LoadAsync("JBG");
        platform.BrokerProxy.Cut();
        try
        {
            await Eventually.HoldsAsync(async () => !await GereedAsync(platform.Maatregelregistratie), "maatregelregistratie not ready without the broker");
            Assert.Equal(HttpStatusCode.OK, await LevendAsync(platform.Maatregelregistratie));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, await GrpcGezondheidAsync(platform.Maatregelregistratie, DistributedPlatform.GrpcServices["maatregelregistratie"]));
            // It still takes registrations: state and event commit together and wait in the outbox.
            await platform.Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(Registratie.Ots("JBG", "gelderland"));
        }
        finally
        {
            platform.BrokerProxy.Restore();
        }
        await Eventually.HoldsAsync(() => GereedAsync(platform.Maatregelregistratie), "maatregelregistratie ready again", TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBG") == voor + 1, "the registration reaches capaciteit", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Without_its_database_a_service_is_alive_but_not_ready_and_so_is_every_service_that_calls_it()
    {
        // Committed before the outage, published around it: nothing is lost.
        var voor = await platform.LoadAsync("JBO");
        await platform.Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(Registratie.Ots("JBO", "overijssel"));
        platform.DatabaseProxy.Cut();
        try
        {
            await Eventually.HoldsAsync(async () => !await GereedAsync(platform.Maatregelregistratie), "maatregelregistratie not ready without its database");
            Assert.Equal(HttpStatusCode.OK, await LevendAsync(platform.Maatregelregistratie));
            // Overdracht calls maatregelregistratie for every handover: it cannot do its work either.
            await Eventually.HoldsAsync(async () => !await GereedAsync(platform.Overdracht), "overdracht not ready while maatregelregistratie is not");
            Assert.Equal(HttpStatusCode.OK, await LevendAsync(platform.Overdracht));
            Assert.True(await GereedAsync(platform.Capaciteit), "capaciteit needs neither");
        }
        finally
        {
            platform.DatabaseProxy.Restore();
        }
        await Eventually.HoldsAsync(() => GereedAsync(platform.Maatregelregistratie), "maatregelregistratie ready again", TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(() => GereedAsync(platform.Overdracht), "overdracht ready again", TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBO") == voor + 1, "the registration reaches capaciteit", TimeSpan.FromSeconds(60));
        // And it works again.
        await platform.Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(Registratie.Ots("JBO", "overijssel"));
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBO") == voor + 2, "a registration after the outage reaches capaciteit", TimeSpan.FromSeconds(60));
    }

    private static async Task<bool> GereedAsync(ServiceProcess p)
    {
        try { return (await Http.GetAsync($"http://127.0.0.1:{p.HttpPort}/readyz")).StatusCode == HttpStatusCode.OK; }
        catch (HttpRequestException) { return false; }
    }

    private static async Task<HttpStatusCode> LevendAsync(ServiceProcess p) => (await Http.GetAsync($"http://127.0.0.1:{p.HttpPort}/livez")).StatusCode;

    private static async Task<HealthCheckResponse.Types.ServingStatus> GrpcGezondheidAsync(ServiceProcess p, string service)
    {
        using var kanaal = GrpcChannel.ForAddress(p.Address);
        try { return (await new Health.HealthClient(kanaal).CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(10))).Status; }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable) { return HealthCheckResponse.Types.ServingStatus.NotServing; }
    }
}
