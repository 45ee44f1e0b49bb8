using Grpc.Core;
using Grpc.Core.Interceptors;
using Jbk.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http;

namespace Jbk.BuildingBlocks.Security.Autorisatie;

/// <summary>
/// Refuses a call before the RPC runs (before any read, before any reply, a replay included) when the caller's kind of
/// organisation is not among the RPC's declared <see cref="MagAttribute"/> betrokkenen. The relation to the data (whose
/// measure, which handover, which region) is checked by the RPC right after it loads the data, against the same declaration.
/// </summary>
public sealed class AutorisatieInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Controleer(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Controleer(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Controleer(context);
        return continuation(requestStream, context);
    }

    private static void Controleer(ServerCallContext context)
    {
        // Health and reflection are the platform's plumbing, not the chain's data.
        if (!context.Method.StartsWith("/jbk.", StringComparison.Ordinal)) return;
        var beleid = context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<MagAttribute>()
            ?? throw new GeenToegangException($"Voor {Rpc(context)} is geen autorisatie vastgelegd; niemand mag het aanroepen.");
        var caller = context.GetCaller();
        if ((Betrokkenen.Mogelijk(caller.Organisatie) & beleid.Wie) == 0)
            throw new GeenToegangException($"{caller.Organisatie} mag {Rpc(context)} niet aanroepen; dat mag: {Betrokkenen.Naam(beleid.Wie)}.");
    }

    private static string Rpc(ServerCallContext context) => context.Method.Trim('/').Split('/')[^1];
}
