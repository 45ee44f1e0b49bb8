using Grpc.Core;
using Grpc.Net.Client;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>gRPC channels as a client would open them: with a bearer token, or without any.</summary>
internal static class Kanaal
{
    public static GrpcChannel Met(string address, string? token)
    {
        if (token is null) return GrpcChannel.ForAddress(address);
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }
}
