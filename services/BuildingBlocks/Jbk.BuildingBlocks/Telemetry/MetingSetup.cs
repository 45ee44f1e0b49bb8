using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jbk.BuildingBlocks.Telemetry;

public static class MetingSetup
{
    /// <summary>The operators' figures every service process has: its stand (from its database) and its health checks.</summary>
    public static IServiceCollection AddJbkMetingen(this IServiceCollection services)
    {
        services.AddSingleton<Standmeter>();
        services.AddHostedService(sp => sp.GetRequiredService<Standmeter>());
        services.AddSingleton<IHealthCheckPublisher, GezondheidMeting>();
        services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(1);
            o.Period = TimeSpan.FromSeconds(10);
        });
        return services;
    }
}
