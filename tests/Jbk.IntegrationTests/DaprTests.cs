using Jbk.Topologie;
using System.Text.Json;
using Grpc.Core;
using Jbk.BuildingBlocks.Dapr;
using Jbk.BuildingBlocks.Kalender;
using Jbk.BuildingBlocks.Security;
using Jbk.Clientenstop.V1;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Maatregelen.V1;

namespace Jbk.IntegrationTests;

/// <summary>
/// Dapr over the wire: the services' DaprClient against a stand-in speaking Dapr's gRPC API. Secrets read at start (and a
/// missing one stops the process naming it), notifications sent once per step from an outbox across a crash between commit
/// and send, a configuration change picked up without a restart.
/// </summary>
[Collection(DaprCollection.Name)]
public sealed class DaprTests(DaprPlatform d)
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(DateTime.UtcNow);

    private string Token(Organisatie org)
    {
        using var sleutel = SigningKeys.LoadPrivateKey(d.Inzet.IdpSleutel);
        return TokenMinter.Mint(sleutel, org, "test-gebruiker", TimeSpan.FromMinutes(30));
    }

    private MaatregelService.MaatregelServiceClient Maatregelen(Organisatie org) => new(Kanaal.Met(d.Maatregelregistratie.Address, Token(org)));
    private ClientenstopService.ClientenstopServiceClient Stops(Organisatie org) => new(Kanaal.Met(d.Clientenstop.Address, Token(org)));

    [Fact]
    public async Task Secrets_come_from_the_secret_store_at_start_and_no_process_environment_holds_one()
    {
        Assert.True(d.Sidecar.GeheimVragen >= 4, $"{d.Sidecar.GeheimVragen} secret reads");
        foreach (var (proces, env) in d.Omgeving.Where(o => o.Key != "capaciteit"))
        {
            Assert.Contains(env, e => e.Value.StartsWith(DaprGeheimen.Voorvoegsel));
            Assert.DoesNotContain(env, e => e.Value.Contains("-----BEGIN") || e.Value.StartsWith("amqp://") || e.Value.Contains("Host="));
        }
        // The database, the broker and the identity provider's key it read work: a measure is registered.
        var antwoord = await Maatregelen(Organisatie.Gi("BJZL")).RegistreerMaatregelAsync(Registratie.Ots("BJZL", "limburg"));
        Assert.Equal("BJZL", antwoord.Maatregel.VerantwoordelijkeGi);
        // clientenstop calls capaciteit with its own key, read from the store.
        var stop = await Stops(Organisatie.Gi("JBN")).StelStopVoorAsync(Voorstel());
        var metImpact = await Stops(Organisatie.Operator).GeefStopAsync(new GeefStopRequest { StopId = stop.Stop.Id });
        Assert.NotNull(metImpact.Impact);
    }

    [Fact]
    public async Task A_secret_the_store_does_not_have_stops_the_process_naming_the_setting()
    {
        var proces = Topologie.Weergave.Lokaal(d.Inzet).First(p => p.Dienst.Naam == "maatregelregistratie");
        var env = new Dictionary<string, string>(d.Omgeving["maatregelregistratie"])
        {
            ["Jbk__Messaging__RabbitMq"] = $"{DaprGeheimen.Voorvoegsel}{DaprPlatform.Opslag}/jbk-infra/bestaat-niet",
            ["Jbk__GrpcPort"] = VrijePoorten.Een().ToString(), ["Jbk__HttpPort"] = VrijePoorten.Een().ToString(),
        };
        await using var host = new ServiceProcess(proces with { Omgeving = env }, Directory.CreateTempSubdirectory("jbk-dapr-fout").FullName);
        host.Start();
        Assert.Equal(2, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Jbk:Messaging:RabbitMq", host.Tail());
        Assert.Contains("bestaat-niet", host.Tail());
    }

    [Fact]
    public async Task Every_step_of_a_stop_is_notified_exactly_once_across_a_crash_between_commit_and_send()
    {
        d.Sidecar.BindingBeschikbaar = false; // the mail relay is down: steps commit, notifications wait
        var geweigerdVoor = d.Sidecar.Geweigerd;
        var voorstel = Voorstel();
        await Stops(Organisatie.Gi("JBN")).StelStopVoorAsync(voorstel);
        await Stops(Organisatie.Gemeente("GM0106")).KeurStopGoedAsync(new KeurStopGoedRequest { StopId = voorstel.StopId, Regio = "drenthe" });
        await Stops(Organisatie.Rvdk).KeurStopGoedAsync(new KeurStopGoedRequest { StopId = voorstel.StopId });
        await Eventually.HoldsAsync(() => Task.FromResult(d.Sidecar.Geweigerd > geweigerdVoor), "the sender tried the binding and was refused");

        d.Clientenstop.Kill(); // committed, never sent
        d.Sidecar.BindingBeschikbaar = true;
        await d.Clientenstop.StartEnWachtAsync();

        IReadOnlyList<JsonElement> Berichten() => d.Sidecar.Afgeleverd
            .Where(a => a.Binding == "jbk-notificaties").Select(a => JsonDocument.Parse(a.Data).RootElement)
            .Where(b => b.GetProperty("stopId").GetString() == voorstel.StopId).ToList();
        await Eventually.HoldsAsync(() => Task.FromResult(Berichten().Count >= 3), "three notifications of the stop delivered", TimeSpan.FromSeconds(30));
        await Task.Delay(3000); // a repeat would come within a round or two
        var berichten = Berichten();
        Assert.Equal(["is voorgesteld", "is goedgekeurd door een goedkeurder", "is goedgekeurd door een goedkeurder"],
            berichten.Select(b => b.GetProperty("gebeurtenis").GetString()));
        var afgeleverd = d.Sidecar.Afgeleverd.Where(a => berichten.Any(b => b.GetProperty("notificatieId").GetString() == a.Metadata["idempotentie-sleutel"])).ToList();
        Assert.Equal(3, afgeleverd.Select(a => a.Metadata["idempotentie-sleutel"]).Distinct().Count());
        Assert.Equal(3, afgeleverd.Count);
        Assert.All(afgeleverd, a => Assert.Equal("create", a.Operatie));
        Assert.Contains("rvdk", berichten[0].GetProperty("partijen").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_change_of_the_normenkader_in_the_configuration_store_reaches_the_running_service()
    {
        var werkdagen = new Werkdagen(new Feestdagen());
        var maatregel = (await Maatregelen(Organisatie.Gi("BJZL")).RegistreerMaatregelAsync(Registratie.Ots("BJZL", "limburg"))).Maatregel;
        async Task<DateOnly> EersteContact() =>
            (await Maatregelen(Organisatie.Gi("BJZL")).GeefTermijnenAsync(new GeefTermijnenRequest { GiCode = "BJZL", Peildatum = Registratie.Start.ToProto(), VensterDagen = 400 }))
            .Binnenkort.Single(t => t.MaatregelId == maatregel.Id && t.Soort == TermijnSoort.EersteContact).Uiterlijk.ToDateOnly()!.Value;

        Assert.Equal(werkdagen.Na(Registratie.Start, 5), await EersteContact());
        await Eventually.HoldsAsync(() => Task.FromResult(d.Sidecar.ConfiguratieAbonnementen > 0), "maatregelregistratie subscribed to the configuration store");
        d.Sidecar.ZetConfiguratie(new Dictionary<string, string> { ["Maatregelregistratie.Regels.EersteContactWerkdagen"] = "10" });
        try
        {
            await Eventually.HoldsAsync(async () => await EersteContact() == werkdagen.Na(Registratie.Start, 10),
                "the first-contact deadline follows the new normenkader without a restart", TimeSpan.FromSeconds(20));
            Assert.True(d.Maatregelregistratie.IsRunning);
        }
        finally { d.Sidecar.ZetConfiguratie(DaprPlatform.Normenkader); }
    }

    private static StelStopVoorRequest Voorstel() => new()
    {
        StopId = Guid.NewGuid().ToString(), Regios = { "drenthe" }, MaatregelTypes = { MaatregelType.Ots.ToProto() },
        Van = Vandaag.AddDays(30).ToProto(), Tot = Vandaag.AddMonths(4).ToProto(), Reden = "te weinig jeugdbeschermers voor nieuwe zaken",
    };
}
