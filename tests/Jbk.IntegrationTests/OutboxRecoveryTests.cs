using Jbk.BuildingBlocks.Security;
using Jbk.IntegrationTests.Infrastructure;
using Npgsql;

namespace Jbk.IntegrationTests;

/// <summary>The transactional outbox across a broker outage and a crash of the publishing process.</summary>
[Collection(DistributedCollection.Name)]
public sealed class OutboxRecoveryTests(DistributedPlatform platform)
{
    [Fact]
    public async Task An_event_committed_while_the_broker_is_away_survives_a_crash_of_the_publisher_and_is_delivered_once()
    {
        var before = await platform.LoadAsync("JBO");
        platform.BrokerProxy.Cut(); // maatregelregistratie alone loses RabbitMQ
        var id = "";

        try
        {
            // The registration commits (state + event in one transaction) although nothing can be published.
            var reply = await platform.Maatregelen(Organisatie.Rvdk).RegistreerMaatregelAsync(Registratie.Ots("JBO", "overijssel"));
            Assert.Equal("JBO", reply.Maatregel.VerantwoordelijkeGi);
            id = reply.Maatregel.Id;
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(before, await platform.LoadAsync("JBO"));
            // The registration's own event; the deadline watch may meanwhile add a measure's passed deadlines (the test
            // registers three months back), which made this count 4 whenever its round fell in these seconds.
            Assert.Equal(1, await UnpublishedEventsAsync(reply.Maatregel.Id, "MaatregelGeregistreerd"));

            // The publisher crashes with the event still in its outbox.
            platform.Maatregelregistratie.Kill();
        }
        finally
        {
            platform.BrokerProxy.Restore();
        }
        await platform.StartAsync(platform.Maatregelregistratie);

        await Eventually.HoldsAsync(async () => await platform.LoadAsync("JBO") == before + 1, "the event is delivered after recovery");
        await Eventually.HoldsAsync(async () => await UnpublishedEventsAsync(id) == 0, "the outbox is drained");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(before + 1, await platform.LoadAsync("JBO"));
    }

    /// <summary>This measure's events (of one kind, when given) not yet published.</summary>
    private async Task<long> UnpublishedEventsAsync(string maatregelId, string soort = "")
    {
        await using var connection = new NpgsqlConnection(platform.DatabaseConnectionString("maatregelregistratie"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM outbox WHERE "PublishedAtUtc" IS NULL AND "Payload" LIKE @id AND "EventType" LIKE @soort""", connection);
        count.Parameters.AddWithValue("id", $"%{maatregelId}%");
        count.Parameters.AddWithValue("soort", $"%{soort}%");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
