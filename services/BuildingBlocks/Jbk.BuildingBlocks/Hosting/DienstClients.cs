using GrpcServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Jbk.BuildingBlocks.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Jbk.BuildingBlocks.Hosting;

/// <summary>Plain gRPC between services (no Dapr service invocation), with the calling service's own token.</summary>
public static class DienstClients
{
    /// <summary>
    /// Registers a gRPC client for the service <paramref name="doel"/>, calling as <c>dienst:&lt;eigenNaam&gt;</c>. It is a
    /// keyed service (key: the caller's name), because in the embedded platform several services call the same one,
    /// each with its own identity.
    /// <para>Where: when <paramref name="doel"/> runs in this process, this process's own gRPC port. Otherwise
    /// <c>Jbk:Diensten:&lt;doel&gt;</c> is required (one address, or several separated by commas: the replicas,
    /// balanced round robin) and so is <c>Jbk:Auth:DienstSleutel</c>; without them the process does not start.</para>
    /// <para>Transient failures (UNAVAILABLE: an instance is away) are retried by the channel with back-off; every
    /// other status reaches the caller, who decides whether it is permanent.</para>
    /// </summary>
    public static IHostApplicationBuilder AddDienstClient<TClient>(this IHostApplicationBuilder builder, string eigenNaam, string doel)
        where TClient : ClientBase
    {
        doel = doel.ToLowerInvariant();
        var instelling = DienstAdres.Instelling(doel);
        var inProces = VereisteInstellingen.HierGehost(builder).Contains(doel);
        if (!inProces)
        {
            var vereist = VereisteInstellingen.Van(builder);
            vereist.Vereis(instelling, $"het gRPC-adres van {doel}, dat {eigenNaam} aanroept");
            vereist.Vereis("Jbk:Auth:DienstSleutel", $"de private sleutel waarmee {eigenNaam} als dienst:{eigenNaam} andere diensten aanroept");
        }
        var host = builder.Configuration.GetSection("Jbk").Get<JbkHostOptions>() ?? new JbkHostOptions();
        var adressen = DienstAdres.Lees(builder.Configuration, doel, inProces ? $"http://127.0.0.1:{host.GrpcPort}" : "http://ontbreekt.invalid");

        builder.Services.TryAddSingleton<DienstAdressen>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory, DienstAdressenResolverFactory>());
        // Tokens live in real time, as their receivers check them: never on a rehearsal clock.
        builder.Services.TryAddKeyedSingleton(eigenNaam, (_, _) => DienstToken.Laad(eigenNaam, builder.Configuration, TimeProvider.System));
        var naam = $"{eigenNaam}->{doel}";
        var kanaalAdres = KanaalAdres(doel, adressen);
        builder.Services.AddKeyedTransient<TClient>(eigenNaam, (sp, _) => sp.GetRequiredService<GrpcClientFactory>().CreateClient<TClient>(naam));
        builder.Services.AddGrpcClient<TClient>(naam, o => o.Address = kanaalAdres)
            .AddCallCredentials((_, metadata, sp) =>
            {
                metadata.Add("Authorization", $"Bearer {sp.GetRequiredKeyedService<DienstToken>(eigenNaam).Geef()}");
                return Task.CompletedTask;
            })
            .ConfigureChannel((sp, c) => Kanaal(sp, c, doel, adressen));

        if (!inProces)
        {
            // Readiness: a service that cannot reach a service it depends on cannot do its work now.
            var gezondheid = $"{naam}-health";
            builder.Services.AddGrpcClient<Health.HealthClient>(gezondheid, o => o.Address = kanaalAdres)
                .ConfigureChannel((sp, c) => Kanaal(sp, c, doel, adressen));
            var grpcService = GrpcServiceNaam<TClient>();
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration($"{naam}-bereikbaar",
                sp => new DienstBereikbaarCheck(sp.GetRequiredService<GrpcClientFactory>().CreateClient<Health.HealthClient>(gezondheid), grpcService),
                HealthStatus.Unhealthy, [eigenNaam, Gezondheid.Gereed]));
        }
        return builder;
    }

    private static Uri KanaalAdres(string doel, List<Uri> adressen) => adressen.Count == 1 ? adressen[0] : new Uri($"static://{doel}");

    private static void Kanaal(IServiceProvider sp, Grpc.Net.Client.GrpcChannelOptions c, string doel, List<Uri> adressen)
    {
        c.UnsafeUseInsecureChannelCallCredentials = true; // h2c inside the cluster; TLS at the mesh
        c.ServiceProvider = sp;
        var config = new ServiceConfig
        {
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { MethodName.Default },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = 5, InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(2),
                        BackoffMultiplier = 2, RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
        };
        if (adressen.Count > 1)
        {
            sp.GetRequiredService<DienstAdressen>().Zet(doel, adressen);
            c.Credentials = ChannelCredentials.Insecure;
            config.LoadBalancingConfigs.Add(new RoundRobinConfig());
        }
        c.ServiceConfig = config;
    }

    /// <summary>The full gRPC service name of a generated client, e.g. jbk.capaciteit.v1.CapaciteitService.</summary>
    private static string GrpcServiceNaam<TClient>() =>
        typeof(TClient).DeclaringType?.GetProperty("Descriptor")?.GetValue(null) is GrpcServiceDescriptor d ? d.FullName : "";
}

/// <summary>The replicas of each service this process calls, for client-side balancing (<c>static://&lt;dienst&gt;</c>).</summary>
internal sealed class DienstAdressen
{
    private readonly Dictionary<string, IReadOnlyList<BalancerAddress>> _adressen = new(StringComparer.OrdinalIgnoreCase);

    public void Zet(string doel, IEnumerable<Uri> adressen)
    {
        lock (_adressen) _adressen[doel] = adressen.Select(u => new BalancerAddress(u.Host, u.Port)).ToList();
    }

    public IReadOnlyList<BalancerAddress> Van(string doel)
    {
        lock (_adressen) return _adressen.TryGetValue(doel, out var a) ? a : [];
    }
}

internal sealed class DienstAdressenResolverFactory(DienstAdressen adressen) : ResolverFactory
{
    private readonly StaticResolverFactory _inner = new(uri => adressen.Van(uri.Host));
    public override string Name => "static";
    public override Resolver Create(ResolverOptions options) => _inner.Create(options);
}

/// <summary>Healthy when the called service answers SERVING for its gRPC service.</summary>
internal sealed class DienstBereikbaarCheck(Health.HealthClient client, string grpcService) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var antwoord = await client.CheckAsync(new HealthCheckRequest { Service = grpcService },
                deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: cancellationToken);
            return antwoord.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{grpcService} is niet gereed ({antwoord.Status})");
        }
        catch (RpcException ex)
        {
            return HealthCheckResult.Unhealthy($"{grpcService} is niet bereikbaar ({ex.StatusCode})");
        }
    }
}
