using Grpc.Core;
using Grpc.Net.ClientFactory;
using Jbk.BuildingBlocks.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Jbk.BuildingBlocks.Hosting;

/// <summary>Plain gRPC between services (no Dapr service invocation), with the calling service's own token.</summary>
public static class DienstClients
{
    /// <summary>
    /// Registers a gRPC client for <paramref name="doel"/> at <c>Jbk:Diensten:&lt;doel&gt;</c> (embedded default: this
    /// process's own gRPC port), calling as <c>dienst:&lt;eigenNaam&gt;</c>. It is a keyed service (key: the caller's
    /// name), because in the embedded platform several services call the same one, each with its own identity.
    /// </summary>
    public static IHostApplicationBuilder AddDienstClient<TClient>(this IHostApplicationBuilder builder, string eigenNaam, string doel)
        where TClient : ClientBase
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddKeyedSingleton(eigenNaam, (sp, _) => DienstToken.Laad(eigenNaam, builder.Configuration, sp.GetRequiredService<TimeProvider>()));
        var host = builder.Configuration.GetSection("Jbk").Get<JbkHostOptions>() ?? new JbkHostOptions();
        var adres = builder.Configuration[$"Jbk:Diensten:{doel}"] is { Length: > 0 } a ? a : $"http://127.0.0.1:{host.GrpcPort}";
        var naam = $"{eigenNaam}->{doel}";
        builder.Services.AddKeyedTransient<TClient>(eigenNaam, (sp, _) => sp.GetRequiredService<GrpcClientFactory>().CreateClient<TClient>(naam));
        builder.Services.AddGrpcClient<TClient>(naam, o => o.Address = new Uri(adres))
            .AddCallCredentials((_, metadata, sp) =>
            {
                metadata.Add("Authorization", $"Bearer {sp.GetRequiredKeyedService<DienstToken>(eigenNaam).Geef()}");
                return Task.CompletedTask;
            })
            .ConfigureChannel(c => c.UnsafeUseInsecureChannelCallCredentials = true); // h2c inside the cluster; TLS at the mesh
        return builder;
    }
}
