using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Jbk.BuildingBlocks.Telemetry;

/// <summary>
/// Every gRPC call by service, method and gRPC status code, with its duration (<c>jbk_grpc_server_duur_seconds</c>).
/// ASP.NET Core's own metric cannot tell a refusal from a success: a PERMISSION_DENIED travels as HTTP 200 with the code
/// in the trailers. Measured as middleware before authentication, so refused tokens (UNAUTHENTICATED) count too.
/// Only routes the process maps get their own label; anything else counts as "onbekend" (no label per made-up path).
/// </summary>
public static partial class GrpcMeting
{
    public const string Naam = "jbk.grpc.server.duur";

    private static readonly Meter Meter = new(TelemetrySetup.SourceName);

    private static readonly Histogram<double> Duur = Meter.CreateHistogram(Naam, "s",
        "Duur van gRPC-aanroepen per dienst, methode en gRPC-statuscode", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    public static IApplicationBuilder UseGrpcMeting(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }
        var start = Stopwatch.GetTimestamp();
        var status = StatusCode.Unknown;
        try
        {
            await next(context);
            status = StatusVan(context);
        }
        finally
        {
            var (service, methode) = Route(context);
            Duur.Record(Stopwatch.GetElapsedTime(start).TotalSeconds,
                new KeyValuePair<string, object?>("dienst", DienstVan(service)),
                new KeyValuePair<string, object?>("rpc_service", service),
                new KeyValuePair<string, object?>("rpc_method", methode),
                new KeyValuePair<string, object?>("grpc_status", Code(status)));
        }
    });

    /// <summary>"PERMISSION_DENIED": the code as gRPC names it, as operators search for it.</summary>
    public static string Code(StatusCode status) => status == StatusCode.OK ? "OK" : HoofdletterGrens().Replace(status.ToString(), "$1_$2").ToUpperInvariant();

    private static StatusCode StatusVan(HttpContext context)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var waarde = trailers is not null && trailers.TryGetValue("grpc-status", out var t) ? t.ToString()
            : context.Response.Headers.TryGetValue("grpc-status", out var h) ? h.ToString() : null;
        if (int.TryParse(waarde, out var code) && Enum.IsDefined((StatusCode)code)) return (StatusCode)code;
        // No gRPC status: the call ended before gRPC answered (authentication middleware, for one).
        return context.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => StatusCode.Unauthenticated,
            StatusCodes.Status403Forbidden => StatusCode.PermissionDenied,
            StatusCodes.Status404NotFound => StatusCode.Unimplemented,
            _ => StatusCode.Unknown,
        };
    }

    private static (string Service, string Methode) Route(HttpContext context)
    {
        if (context.GetEndpoint() is null) return ("onbekend", "onbekend");
        var delen = context.Request.Path.Value?.Trim('/').Split('/');
        return delen is [var service, var methode] ? (service, methode) : ("onbekend", "onbekend");
    }

    /// <summary>"jbk.capaciteit.v1.CapaciteitService" belongs to capaciteit; health and reflection to the platform.</summary>
    public static string DienstVan(string grpcService)
    {
        var delen = grpcService.Split('.');
        return delen.Length >= 3 && delen[0] == "jbk" ? delen[1] switch { "maatregelen" => "maatregelregistratie", var d => d } : "platform";
    }

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex HoofdletterGrens();
}
