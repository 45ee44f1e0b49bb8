using Jbk.BuildingBlocks.Dapr;
using Jbk.BuildingBlocks.Hosting;
using Microsoft.Extensions.Configuration;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>Secret references in settings: read as store/secret/key, refused when malformed or when Dapr is off.</summary>
public sealed class DaprGeheimenTests
{
    [Fact]
    public void A_reference_names_store_secret_and_key()
    {
        var v = DaprGeheimen.Lees("Jbk:Database:Postgres", "dapr-secret:jbk-secrets/jbk-infra/postgres");
        Assert.Equal(("jbk-secrets", "jbk-infra", "postgres"), (v.Opslag, v.Geheim, v.Sleutel));
        var fout = Assert.Throws<OntbrekendeInstellingException>(() => DaprGeheimen.Lees("Jbk:Database:Postgres", "dapr-secret:jbk-infra/postgres"));
        Assert.Equal(["Jbk:Database:Postgres"], fout.Ontbrekend);
    }

    [Fact]
    public void A_reference_without_Dapr_enabled_stops_the_start_and_says_why()
    {
        var configuratie = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jbk:Messaging:RabbitMq"] = "dapr-secret:jbk-secrets/jbk-infra/rabbitmq",
        }).Build();
        var fout = Assert.Throws<OntbrekendeInstellingException>(() =>
            DaprGeheimen.Vervang(new ConfigurationBuilder(), configuratie, new DaprOpties { Enabled = false }, () => throw new InvalidOperationException("geen client"), "capaciteit"));
        Assert.Equal(["Jbk:Dapr:Enabled"], fout.Ontbrekend);
        Assert.Contains("Jbk:Messaging:RabbitMq", fout.Message);
    }

    [Fact]
    public void Without_references_nothing_asks_the_sidecar()
    {
        var configuratie = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jbk:Database:Postgres"] = "Host=x" }).Build();
        DaprGeheimen.Vervang(new ConfigurationBuilder(), configuratie, new DaprOpties { Enabled = true }, () => throw new InvalidOperationException("gevraagd"), "capaciteit");
        Assert.Equal("jbk.regels.x", DaprConfiguratieBron.Sleutel("jbk:regels:x"));
    }
}
