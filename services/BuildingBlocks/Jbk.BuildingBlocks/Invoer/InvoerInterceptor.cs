using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Jbk.BuildingBlocks.Errors;

namespace Jbk.BuildingBlocks.Invoer;

/// <summary>Refuses a request that breaks <see cref="Invoerregels"/> before the RPC reads it: INVALID_ARGUMENT naming the field, NOT_FOUND for an unknown code.</summary>
public sealed class InvoerInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Controleer(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Controleer(request);
        return continuation(request, responseStream, context);
    }

    /// <summary>A stream's messages are checked as the RPC reads them, each before it sees it.</summary>
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new GecontroleerdeStroom<TRequest>(requestStream), context);

    private sealed class GecontroleerdeStroom<T>(IAsyncStreamReader<T> stroom) : IAsyncStreamReader<T>
    {
        private int _gelezen;

        public T Current => stroom.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            // A message that is no protobuf of the RPC's type is the caller's mistake (INVALID_ARGUMENT), as for a
            // unary request (OnleesbaarVerzoek), not the handler's (UNKNOWN).
            try { if (!await stroom.MoveNext(cancellationToken)) return false; }
            catch (Exception ex) when (ex is InvalidProtocolBufferException || ex.InnerException is InvalidProtocolBufferException)
            {
                throw new OngeldigeInvoerException("verzoek", $"Bericht {_gelezen + 1} van de stroom is geen geldig {typeof(T).Name}; het kon niet worden gelezen.");
            }
            _gelezen++;
            Controleer(stroom.Current!);
            return true;
        }
    }

    private static void Controleer(object request)
    {
        if (request is not IMessage bericht || Invoerregels.Controleer(bericht) is not { } fout) return;
        if (fout.Onbekend is { } code) throw new NietGevondenException(fout.Veld, code, $"{fout.Veld} '{code}' {fout.Reden}");
        throw new OngeldigeInvoerException(fout.Veld, $"{fout.Veld} {fout.Reden}");
    }
}
