using Grpc.Core;
using Jbk.Bench.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jbk.Bench;

/// <summary>A bare grpc-dotnet server that only answers: the transport's limit on this machine, run in its own process.</summary>
public static class EchoServer
{
    public static async Task DraaiAsync(int poort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(poort, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<Antwoorder>();
        await app.RunAsync();
    }

    private sealed class Antwoorder : EchoService.EchoServiceBase
    {
        public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoResponse { Tekst = request.Tekst });
    }
}
