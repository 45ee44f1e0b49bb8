using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jbk.BuildingBlocks.Hosting;

/// <summary>
/// Liveness and readiness, kept apart. Liveness (<c>/livez</c>): the process lives; a restart would not help with a
/// database or broker outage, so nothing outside the process counts. Readiness (<c>/readyz</c>, also <c>/healthz</c>,
/// and grpc.health.v1 per service): the database answers, the bus is connected, and the services this one calls
/// answer. Degraded counts as not ready.
/// </summary>
public static class Gezondheid
{
    /// <summary>The tag of every check that decides readiness.</summary>
    public const string Gereed = "gereed";

    /// <summary>The tag of the bus check, which every service's readiness includes.</summary>
    public const string Bus = "bus";

    public static IServiceCollection AddBusGereedCheck(this IServiceCollection services)
    {
        services.AddHealthChecks().Add(new HealthCheckRegistration("bus-verbonden",
            sp => new BusVerbondenCheck(sp.GetRequiredService<IBusControl>()), HealthStatus.Unhealthy, [Gereed, Bus]));
        return services;
    }

    public static void MapGezondheid(this IEndpointRouteBuilder app)
    {
        var codes = new Dictionary<HealthStatus, int>
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        };
        app.MapHealthChecks("/livez", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        foreach (var pad in new[] { "/readyz", "/healthz" })
            app.MapHealthChecks(pad, new HealthCheckOptions { Predicate = r => r.Tags.Contains(Gereed), ResultStatusCodes = codes }).AllowAnonymous();
    }

    /// <summary>Healthy only while the bus is started and connected (MassTransit's own check may report Degraded meanwhile).</summary>
    private sealed class BusVerbondenCheck(IBusControl bus) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var health = bus.CheckHealth();
            return Task.FromResult(health.Status == BusHealthStatus.Healthy
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"de bus is niet verbonden ({health.Status}: {health.Description})"));
        }
    }
}
