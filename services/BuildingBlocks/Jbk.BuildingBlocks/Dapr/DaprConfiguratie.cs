using global::Dapr.Client;
using Microsoft.Extensions.Configuration;

namespace Jbk.BuildingBlocks.Dapr;

/// <summary>
/// The rules the law leaves to policy (normenkader durations, the caseload norm) from a Dapr configuration store, kept
/// current by its change subscription: a change reaches <c>IOptionsMonitor</c>/<c>IOptionsSnapshot</c> without a restart.
/// Store keys are the setting's path with dots (<c>Maatregelregistratie.Regels.EersteContactWerkdagen</c>). Only the keys
/// the process's modules ask for are read; what the store lacks keeps the value from appsettings.
/// </summary>
public sealed class DaprConfiguratieBron(Func<DaprClient> client, DaprOpties opties, IReadOnlyList<string> instellingen, string proces) : IConfigurationSource
{
    public static string Sleutel(string instelling) => instelling.Replace(':', '.');

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(client(), opties, instellingen, proces);

    private sealed class Provider(DaprClient dapr, DaprOpties opties, IReadOnlyList<string> instellingen, string proces) : ConfigurationProvider, IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Dictionary<string, string> _instellingVan = instellingen.ToDictionary(Sleutel, i => i);

        public override void Load()
        {
            var antwoord = DaprGeheimen.Wacht(() => dapr.GetConfiguration(opties.Configuratieopslag, _instellingVan.Keys.ToList()), opties, proces,
                $"configuratie uit {opties.Configuratieopslag}");
            Neem(antwoord.Items.ToDictionary(i => i.Key, i => i.Value.Value));
            _ = Task.Run(() => VolgAsync(_stop.Token));
        }

        private void Neem(IReadOnlyDictionary<string, string> items)
        {
            var gewijzigd = false;
            foreach (var (sleutel, waarde) in items)
                if (_instellingVan.TryGetValue(sleutel, out var instelling) && (!Data.TryGetValue(instelling, out var oud) || oud != waarde))
                {
                    Data[instelling] = waarde;
                    gewijzigd = true;
                }
            if (gewijzigd) OnReload();
        }

        /// <summary>The change stream; when it breaks (sidecar restart), subscribe again.</summary>
        private async Task VolgAsync(CancellationToken ct)
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    var abonnement = await dapr.SubscribeConfiguration(opties.Configuratieopslag, _instellingVan.Keys.ToList(), cancellationToken: ct);
                    await foreach (var items in abonnement.Source.WithCancellation(ct))
                        Neem(items.ToDictionary(i => i.Key, i => i.Value.Value));
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
                catch (Exception) { } // the sidecar is away: try again shortly
                try { await Task.Delay(TimeSpan.FromSeconds(2), ct); } catch (OperationCanceledException) { return; }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
