using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace Jbk.BuildingBlocks.Errors;

/// <summary>
/// Maps domain refusals to gRPC status codes with a readable message and rich details (google.rpc). Two requests that
/// race to store the same thing (a unique key, a version) get ABORTED, never UNKNOWN. What a caller sent is never echoed
/// at length: messages and details are cut to <see cref="MaximaleLengte"/> characters.
/// </summary>
public sealed class DomainErrorInterceptor : Interceptor
{
    public const string ErrorDomain = "jbk";
    public const int MaximaleLengte = 500;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (DomainException ex) { throw ToRpcException(ex); }
        catch (DbUpdateException ex) when (IsConflict(ex)) { throw ToRpcException(Conflict()); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (DomainException ex) { throw ToRpcException(ex); }
        catch (DbUpdateException ex) when (IsConflict(ex)) { throw ToRpcException(Conflict()); }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(requestStream, context); }
        catch (DomainException ex) { throw ToRpcException(ex); }
        catch (DbUpdateException ex) when (IsConflict(ex)) { throw ToRpcException(Conflict()); }
    }

    /// <summary>A version that moved on, or a unique key another request stored first (PostgreSQL 23505, SQLite constraint).</summary>
    internal static bool IsConflict(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException
        || ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    private static GelijktijdigGewijzigdException Conflict() =>
        new("Een ander verzoek legde dit tegelijk vast; lees opnieuw en probeer het nog eens (een herhaling met dezelfde sleutel geeft het eerste antwoord).");

    private static string Kort(string? tekst) => tekst is null ? "" : tekst.Length <= MaximaleLengte ? tekst : tekst[..MaximaleLengte] + "…";

    public static RpcException ToRpcException(DomainException ex)
    {
        var status = new Google.Rpc.Status { Message = Kort(ex.Message) };
        switch (ex)
        {
            case OngeldigeInvoerException o:
                status.Code = (int)Code.InvalidArgument;
                status.Details.Add(Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = Kort(o.Veld), Description = Kort(o.Message) } },
                }));
                break;
            case NietGevondenException n:
                status.Code = (int)Code.NotFound;
                status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = n.Soort, ResourceName = Kort(n.Id), Description = Kort(n.Message) }));
                break;
            case RegelGeschondenException r:
                status.Code = (int)Code.FailedPrecondition;
                status.Details.Add(Any.Pack(new ErrorInfo { Reason = r.Regel, Domain = ErrorDomain }));
                status.Details.Add(Any.Pack(new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = r.Regel, Description = Kort(r.Message) } },
                }));
                break;
            case GeenToegangException:
                status.Code = (int)Code.PermissionDenied;
                break;
            case GelijktijdigGewijzigdException:
                status.Code = (int)Code.Aborted;
                break;
            case BestaatAlException:
                status.Code = (int)Code.AlreadyExists;
                break;
            default:
                status.Code = (int)Code.Internal;
                break;
        }
        return status.ToRpcException();
    }
}
