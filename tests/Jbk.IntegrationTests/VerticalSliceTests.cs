using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Jbk.BuildingBlocks.Security;
using Jbk.Clientenstop.V1;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Overdracht.V1;

namespace Jbk.IntegrationTests;

/// <summary>The spine in distributed mode: a registration in one process changes the state of three others through RabbitMQ.</summary>
[Collection(DistributedCollection.Name)]
public sealed class VerticalSliceTests(DistributedPlatform platform)
{
    [Fact]
    public async Task Registering_a_measure_raises_the_GIs_load_in_capaciteit_by_one_and_informs_overdracht_and_clientenstop()
    {
        var before = await platform.LoadAsync("JBN");

        var reply = await platform.Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(Registratie.Ots("JBN"));

        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBN") == before + 1, "capaciteit counts the new measure");
        var stand = await new OverdrachtService.OverdrachtServiceClient(platform.Channel(platform.Overdracht, Organisatie.Gi("JBN")))
            .GeefMaatregelStandAsync(new GeefMaatregelStandRequest { MaatregelId = reply.Maatregel.Id });
        Assert.Equal("JBN", stand.VerantwoordelijkeGi);
        var start = Registratie.Start.ToDateTime(TimeOnly.MinValue);
        var week = $"{System.Globalization.ISOWeek.GetYear(start)}-W{System.Globalization.ISOWeek.GetWeekOfYear(start):D2}";
        var instroom = new ClientenstopService.ClientenstopServiceClient(platform.Channel(platform.Clientenstop, Organisatie.Rvdk));
        await Eventually.HoldsAsync(async () =>
            (await instroom.GeefInstroomAsync(new GeefInstroomRequest { Regio = "drenthe" })).Weken
                .Any(w => w.Week == week && w.GiCode == "JBN" && w.Aantal >= 1), "clientenstop counts the inflow");
    }

    [Fact]
    public async Task Registering_twice_with_the_same_idempotency_key_makes_one_measure_and_counts_it_once()
    {
        var before = await platform.LoadAsync("SVMN");
        var request = Registratie.Ots("SVMN", "utrecht");
        var client = platform.Maatregelen(Organisatie.Rvdk);

        var first = await client.RegistreerMaatregelAsync(request);
        var second = await client.RegistreerMaatregelAsync(request);

        Assert.Equal(first.Maatregel.Id, second.Maatregel.Id);
        await Eventually.HoldsAsync(async () => await platform.LoadAsync("SVMN") == before + 1, "the measure is counted");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(before + 1, await platform.LoadAsync("SVMN"));
    }

    [Theory]
    [InlineData("maatregelregistratie")]
    [InlineData("capaciteit")]
    [InlineData("overdracht")]
    [InlineData("clientenstop")]
    public async Task Each_host_answers_health_SERVING_without_a_token_and_lists_its_service_by_reflection(string service)
    {
        var process = service switch
        {
            "maatregelregistratie" => platform.Maatregelregistratie,
            "capaciteit" => platform.Capaciteit,
            "overdracht" => platform.Overdracht,
            _ => platform.Clientenstop,
        };
        using var channel = GrpcChannel.ForAddress(process.Address);
        var grpcService = DistributedPlatform.GrpcServices[service];

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = grpcService });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains(grpcService, await Reflectie.ServicesAsync(channel));
    }
}

internal static class Reflectie
{
    public static async Task<IReadOnlyList<string>> ServicesAsync(GrpcChannel channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
    }
}
