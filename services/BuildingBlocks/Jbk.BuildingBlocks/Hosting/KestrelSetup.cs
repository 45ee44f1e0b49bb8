using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Jbk.BuildingBlocks.Hosting;

public static class KestrelSetup
{
    /// <summary>
    /// gRPC (h2c) on <c>Jbk:GrpcPort</c> and HTTP/1.1 (/metrics, /livez, /readyz) on <c>Jbk:HttpPort</c>, the same for every
    /// process: the services, the embedded platform and the gateway.
    /// </summary>
    public static IWebHostBuilder ListenAsJbk(this IWebHostBuilder webHost, JbkHostOptions options) =>
        webHost.ConfigureKestrel(k =>
        {
            var address = IPAddress.Parse(options.ListenAddress);
            // Room for an oversized token to reach the token check and be refused as UNAUTHENTICATED, not as a
            // transport error (TokenBeleid.MaximaleLengte is far below this).
            k.Limits.MaxRequestHeadersTotalSize = 256 * 1024;
            k.Limits.Http2.MaxRequestHeaderFieldSize = 256 * 1024;
            k.Listen(address, options.GrpcPort, o => o.Protocols = HttpProtocols.Http2);
            k.Listen(address, options.HttpPort, o => o.Protocols = HttpProtocols.Http1);
        });
}
