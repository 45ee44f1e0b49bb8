using Jbk.IntegrationTests.Infrastructure;
using Jbk.Topologie;

namespace Jbk.IntegrationTests;

/// <summary>A distributed process started without a setting it needs stops at once, naming it: never a silent default.</summary>
public sealed class OpstartTests
{
    [Theory]
    [InlineData("overdracht", "Jbk__Diensten__maatregelregistratie")]
    [InlineData("overdracht", "Jbk__Auth__DienstSleutel")]
    [InlineData("clientenstop", "Jbk__Diensten__capaciteit")]
    [InlineData("capaciteit", "Jbk__Messaging__RabbitMq")]
    [InlineData("gateway", "Jbk__Diensten__overdracht")]
    public async Task A_process_without_a_required_setting_exits_non_zero_naming_it(string dienst, string instelling)
    {
        var map = Directory.CreateTempSubdirectory("jbk-opstart").FullName;
        try
        {
            var inzet = new LokaleInzet { Postgres = TestEnvironment.Postgres, RabbitMq = TestEnvironment.RabbitMq, Map = map, PoortBasis = VrijePoorten.Reeks(Weergave.Poortbereik(1)) };
            Weergave.MaakSleutels(inzet);
            var proces = Weergave.Lokaal(inzet).First(p => p.Dienst.Naam == dienst);
            Assert.True(proces.Omgeving.ContainsKey(instelling), $"{dienst} gets {instelling} from the topology");
            var zonder = proces with { Omgeving = proces.Omgeving.Where(e => e.Key != instelling).ToDictionary() };
            await using var host = new ServiceProcess(zonder, map);
            host.Start();
            Assert.Equal(2, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains(instelling.Replace("__", ":"), host.Tail());
        }
        finally { Directory.Delete(map, recursive: true); }
    }

    [Fact]
    public async Task A_service_key_setting_that_names_no_file_stops_the_process_at_start()
    {
        var map = Directory.CreateTempSubdirectory("jbk-opstart").FullName;
        try
        {
            var inzet = new LokaleInzet { Postgres = TestEnvironment.Postgres, RabbitMq = TestEnvironment.RabbitMq, Map = map, PoortBasis = VrijePoorten.Reeks(Weergave.Poortbereik(1)) };
            Weergave.MaakSleutels(inzet);
            var proces = Weergave.Lokaal(inzet).First(p => p.Dienst.Naam == "overdracht");
            var fout = proces with { Omgeving = new Dictionary<string, string>(proces.Omgeving) { [Topologie.Topologie.DienstSleutel] = Path.Combine(map, "bestaat-niet.pem") } };
            await using var host = new ServiceProcess(fout, map);
            host.Start();
            Assert.Equal(2, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("bestaat-niet.pem", host.Tail());
        }
        finally { Directory.Delete(map, recursive: true); }
    }
}
