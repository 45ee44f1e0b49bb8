using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Jbk.BuildingBlocks.Invoer;

/// <summary>
/// A request whose bytes are no protobuf message of the RPC's type is refused as INVALID_ARGUMENT before the gRPC
/// server reads it (that would answer UNKNOWN, "exception was thrown by handler"). Compressed, oversized or badly framed
/// bodies are left to the gRPC server, which names them itself.
/// </summary>
public static class OnleesbaarVerzoek
{
    private const int Kop = 5;
    private const int Maximaal = 4 * 1024 * 1024; // the gRPC server's default receive limit
    private static readonly ConcurrentDictionary<Type, MessageParser?> Parsers = new();

    public static IApplicationBuilder UseOnleesbaarVerzoekWeigeren(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } grpc
            || grpc.Method.Type is not (MethodType.Unary or MethodType.ServerStreaming)
            || ParserVan(grpc.Method) is not { } parser
            || context.Request.ContentLength is > Maximaal + Kop)
        {
            await next(context);
            return;
        }
        // The whole body is examined in the request's pipe but not consumed: the gRPC server reads the same bytes after
        // (no copy, no second buffer).
        var pijp = context.Request.BodyReader;
        var gelezen = await pijp.ReadAsync(context.RequestAborted);
        while (!gelezen.IsCompleted && !gelezen.IsCanceled && gelezen.Buffer.Length <= Maximaal + Kop)
        {
            pijp.AdvanceTo(gelezen.Buffer.Start, gelezen.Buffer.End);
            gelezen = await pijp.ReadAsync(context.RequestAborted);
        }
        var onleesbaar = gelezen.Buffer.Length <= Maximaal + Kop && IsOnleesbaar(gelezen.Buffer, parser);
        pijp.AdvanceTo(gelezen.Buffer.Start, gelezen.Buffer.End);
        if (!onleesbaar)
        {
            await next(context);
            return;
        }
        // Trailers-only: the status travels in the headers of an answer without a body.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString();
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(
            $"Het verzoek is geen geldig bericht van het type {grpc.Method.FullName.Split('/')[^1]}Request; het kon niet worden gelezen.");
    });

    /// <summary>One uncompressed frame whose payload fails to parse.</summary>
    private static bool IsOnleesbaar(ReadOnlySequence<byte> body, MessageParser parser)
    {
        Span<byte> kop = stackalloc byte[Kop];
        if (body.Length < Kop) return false;
        body.Slice(0, Kop).CopyTo(kop);
        if (kop[0] != 0 || BinaryPrimitives.ReadUInt32BigEndian(kop[1..]) != body.Length - Kop) return false;
        try { parser.ParseFrom(body.Slice(Kop)); return false; }
        catch (InvalidProtocolBufferException) { return true; }
    }

    private static MessageParser? ParserVan(IMethod methode) => Parsers.GetOrAdd(methode.GetType(), t =>
        t.IsGenericType && t.GetGenericArguments()[0].GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is MessageParser p ? p : null);
}
