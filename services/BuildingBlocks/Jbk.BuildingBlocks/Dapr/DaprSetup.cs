using global::Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.BuildingBlocks.Dapr;

public static class DaprSetup
{
    /// <summary>
    /// First thing a process does: resolve <c>dapr-secret:</c> references, then (Dapr enabled) add the configuration store
    /// for the modules' tunable settings and register the <see cref="DaprClient"/> for output bindings.
    /// </summary>
    public static WebApplicationBuilder AddJbkDapr(this WebApplicationBuilder builder, string proces, IReadOnlyList<string> configuratiesleutels)
    {
        var opties = builder.Configuration.GetSection(DaprOpties.Sectie).Get<DaprOpties>() ?? new DaprOpties();
        var client = new Lazy<DaprClient>(() => new DaprClientBuilder().UseGrpcEndpoint(opties.Adres()).Build());
        DaprGeheimen.Vervang(builder.Configuration, builder.Configuration, opties, () => client.Value, proces);
        builder.Services.AddSingleton(opties);
        if (!opties.Enabled) return builder;
        if (configuratiesleutels.Count > 0)
            ((IConfigurationBuilder)builder.Configuration).Add(new DaprConfiguratieBron(() => client.Value, opties, configuratiesleutels, proces));
        builder.Services.AddSingleton(_ => client.Value);
        return builder;
    }
}
