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
    /// Metrics: JBK's own (every gRPC call by method and status, the outbox, the bus, the stands), MassTransit's, Kestrel's
    /// connections, the HTTP client and the runtime; always scrapeable by Prometheus at /metrics. ASP.NET Core's
    /// per-request meters (hosting, routing, authentication, authorization) are left out: no dashboard or alert reads
    /// them, <see cref="GrpcMeting"/> counts every call, and recording them cost a tenth of the RvdK's question.
    /// Traces (ASP.NET Core, gRPC client, HTTP client, MassTransit, JBK's outbox spans): only where they go somewhere,
    /// when OTEL_EXPORTER_OTLP_ENDPOINT is set; building spans nobody exports is work for nothing.
    /// </summary>
    public static IHostApplicationBuilder AddJbkTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(m => m
                .AddMeter(SourceName)
                .AddMeter("MassTransit")
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.WithTracing(t => t
                    .AddSource(SourceName)
                    .AddSource("MassTransit")
                    .AddAspNetCoreInstrumentation(o => o.RecordException = false)
                    .AddGrpcClientInstrumentation()
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        return builder;
    }
}
