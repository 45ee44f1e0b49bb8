using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.BuildingBlocks.Audit;

/// <summary>
/// Logs every call of an RPC marked <see cref="PersoonsgegevensAttribute"/> in the access log of the service that owns it,
/// with the gRPC status it ends with (refusals included) and the measures, handovers and children it concerns (their ids,
/// from the request and the answer). A call whose access cannot be logged is not answered (UNAVAILABLE).
/// </summary>
public sealed class ToegangslogInterceptor(IServiceProvider diensten, TimeProvider klok) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (LogVan(context) is not { } log) return await continuation(request, context);
        TResponse antwoord;
        try { antwoord = await continuation(request, context); }
        catch (Exception ex)
        {
            await LogAsync(log, context, request as IMessage, null, ex is RpcException r ? r.StatusCode : StatusCode.Unknown);
            throw;
        }
        await LogAsync(log, context, request as IMessage, antwoord as IMessage, StatusCode.OK);
        return antwoord;
    }

    /// <summary>
    /// A stream discloses with every message it sends: each message naming measures, handovers or children is logged before
    /// it is written (a message that cannot be logged is not sent); a refusal before the first message is logged as one.
    /// </summary>
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (LogVan(context) is not { } log)
        {
            await continuation(request, responseStream, context);
            return;
        }
        // The request's ids once; each message's ids as it goes.
        var uitVerzoek = Betrokkenen.Uit(request as IMessage, null);
        var gelogd = new GelogdeStroom<TResponse>(responseStream, async bericht =>
        {
            var uitBericht = Betrokkenen.Uit(null, bericht as IMessage);
            if (uitBericht.Count > 0) await LogAsync(log, context, uitVerzoek.Concat(uitBericht), null, StatusCode.OK);
        });
        try { await continuation(request, gelogd, context); }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Cancelled or StatusCode.Unavailable))
        {
            await LogAsync(log, context, request as IMessage, null, ex.StatusCode);
            throw;
        }
    }

    /// <summary>A stream of requests is logged once, when it ends or is refused, naming what all its messages concern.</summary>
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (LogVan(context) is not { } log) return await continuation(requestStream, context);
        var gelezen = new VerzameldeStroom<TRequest>(requestStream);
        TResponse antwoord;
        try { antwoord = await continuation(gelezen, context); }
        catch (Exception ex)
        {
            await LogAsync(log, context, gelezen.Betrokkenen, null, ex is RpcException r ? r.StatusCode : StatusCode.Unknown);
            throw;
        }
        await LogAsync(log, context, gelezen.Betrokkenen, antwoord as IMessage, StatusCode.OK);
        return antwoord;
    }

    /// <summary>Keeps the ids each message names (not the messages: a dossier's documents stay out of memory).</summary>
    private sealed class VerzameldeStroom<T>(IAsyncStreamReader<T> stroom) : IAsyncStreamReader<T>
    {
        public SortedSet<string> Betrokkenen { get; } = new(StringComparer.Ordinal);

        public T Current => stroom.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await stroom.MoveNext(cancellationToken)) return false;
            Betrokkenen.UnionWith(Audit.Betrokkenen.Uit(stroom.Current as IMessage, null));
            return true;
        }
    }

    /// <summary>The access log of the service that owns the RPC, when the RPC touches personal data; otherwise none.</summary>
    private IToegangslog? LogVan(ServerCallContext context) =>
        context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<PersoonsgegevensAttribute>() is null ? null
            : diensten.GetRequiredKeyedService<IToegangslog>(context.Method.Trim('/').Split('/')[0]);

    private sealed class GelogdeStroom<T>(IServerStreamWriter<T> stroom, Func<T, Task> log) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get => stroom.WriteOptions; set => stroom.WriteOptions = value; }

        public async Task WriteAsync(T message)
        {
            await log(message);
            await stroom.WriteAsync(message);
        }

        public async Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            await log(message);
            await stroom.WriteAsync(message, cancellationToken);
        }
    }

    private Task LogAsync(IToegangslog log, ServerCallContext context, IMessage? request, IMessage? antwoord, StatusCode status) =>
        LogAsync(log, context, Betrokkenen.Uit(request, antwoord), status);

    private Task LogAsync(IToegangslog log, ServerCallContext context, IEnumerable<string> uitVerzoeken, IMessage? antwoord, StatusCode status) =>
        LogAsync(log, context, uitVerzoeken.Concat(Betrokkenen.Uit(null, antwoord)).Distinct().Order(StringComparer.Ordinal).Take(Betrokkenen.Maximaal).ToList(), status);

    private async Task LogAsync(IToegangslog log, ServerCallContext context, IReadOnlyList<string> betrokkenen, StatusCode status)
    {
        var gebruiker = context.GetHttpContext().User;
        Caller? caller = null;
        try { caller = Caller.From(gebruiker); } catch (RpcException) { }
        var regel = new Toegangsregel
        {
            OpUtc = klok.GetUtcNow().UtcDateTime, Organisatie = caller?.Organisatie.ToString() ?? "onbekend", Gebruiker = Kort(caller?.Gebruiker ?? "onbekend", 200),
            Namens = caller?.Namens?.ToString(), Handeling = context.Method.Trim('/'), Uitkomst = GrpcMeting.Code(status),
            Betrokkenen = [.. betrokkenen], VorigeHash = "",
        };
        try { await log.SchrijfAsync(regel, CancellationToken.None); }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "De toegang kon niet in het toegangslog worden vastgelegd; probeer het opnieuw."));
        }
    }

    private static string Kort(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>The ids of the data a call concerns: every maatregel, overdracht and jeugdige id in request and answer.</summary>
public static class Betrokkenen
{
    public const int Maximaal = 2000;

    public static IReadOnlyList<string> Uit(IMessage? request, IMessage? antwoord)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        if (request is not null) Verzamel(request, ids, 0);
        if (antwoord is not null) Verzamel(antwoord, ids, 0);
        return ids.Take(Maximaal).ToList();
    }

    private static void Verzamel(IMessage bericht, SortedSet<string> ids, int diepte)
    {
        if (diepte > 8 || ids.Count >= Maximaal) return;
        var soortVanBericht = bericht.Descriptor.Name.ToLowerInvariant();
        foreach (var veld in bericht.Descriptor.Fields.InFieldNumberOrder())
        {
            var waarde = veld.Accessor.GetValue(bericht);
            if (veld.FieldType == FieldType.Message)
            {
                if (veld.IsRepeated) foreach (var m in (System.Collections.IEnumerable)waarde) { if (m is IMessage sub) Verzamel(sub, ids, diepte + 1); }
                else if (waarde is IMessage sub) Verzamel(sub, ids, diepte + 1);
                continue;
            }
            if (veld.FieldType != FieldType.String) continue;
            var soort = Soort(veld.Name, soortVanBericht);
            if (soort is null) continue;
            var waarden = veld.IsRepeated ? ((System.Collections.IEnumerable)waarde).Cast<string>() : [(string)waarde];
            foreach (var w in waarden)
                if (Guid.TryParse(w, out var id)) ids.Add($"{soort}:{id}");
        }
    }

    /// <summary>maatregel_id / maatregel_ids, overdracht_id, jeugdige_id, and a message's own id (Maatregel.id, Overdracht.id).</summary>
    private static string? Soort(string veld, string bericht) => veld switch
    {
        "maatregel_id" or "maatregel_ids" or "ots_id" => "maatregel",
        "overdracht_id" or "overdracht_ids" => "overdracht",
        "jeugdige_id" => "jeugdige",
        "id" when bericht is "maatregel" or "overdracht" or "jeugdige" => bericht,
        _ => null,
    };
}
