using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Jbk.BuildingBlocks.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The meter and activity source of JBK's own figures (counts and durations only, never personal data).</summary>
    public const string SourceName = "Jbk";

    /// <summary>JBK's own spans (the outbox publish, which continues the trace of the request that wrote the event).</summary>
    public static readonly System.Diagnostics.ActivitySource Bron = new(SourceName);

    /// <summary>
    /// Traces and metrics: ASP.NET Core (gRPC calls by method, never payloads), gRPC client, HTTP client,
    /// MassTransit and the runtime; exported by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, and always
    /// scrapeable by Prometheus at /metrics.
    /// </summary>
    public static IHostApplicationBuilder AddJbkTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddSource(SourceName)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(o => o.RecordException = false)
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(SourceName)
                .AddMeter("MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }
}
