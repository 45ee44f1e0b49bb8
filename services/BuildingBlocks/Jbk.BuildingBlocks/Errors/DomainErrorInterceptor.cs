using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Jbk.BuildingBlocks.Errors;

/// <summary>Maps domain refusals to gRPC status codes with a readable message and rich details (google.rpc).</summary>
public sealed class DomainErrorInterceptor : Interceptor
{
    public const string ErrorDomain = "jbk";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (DomainException ex) { throw ToRpcException(ex); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (DomainException ex) { throw ToRpcException(ex); }
    }

    public static RpcException ToRpcException(DomainException ex)
    {
        var status = new Google.Rpc.Status { Message = ex.Message };
        switch (ex)
        {
            case OngeldigeInvoerException o:
                status.Code = (int)Code.InvalidArgument;
                status.Details.Add(Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = o.Veld, Description = o.Message } },
                }));
                break;
            case NietGevondenException n:
                status.Code = (int)Code.NotFound;
                status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = n.Soort, ResourceName = n.Id, Description = n.Message }));
                break;
            case RegelGeschondenException r:
                status.Code = (int)Code.FailedPrecondition;
                status.Details.Add(Any.Pack(new ErrorInfo { Reason = r.Regel, Domain = ErrorDomain }));
                status.Details.Add(Any.Pack(new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = r.Regel, Description = r.Message } },
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
