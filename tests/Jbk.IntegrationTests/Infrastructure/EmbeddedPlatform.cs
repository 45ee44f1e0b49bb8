using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Security;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// The README's first command as a process of its own (all services, SQLite, in-memory bus) with a fresh data folder,
/// and callers for any organisation: people's tokens signed with the local key, services' with the local service key,
/// a fresh short-lived token on every call.
/// </summary>
public sealed class EmbeddedPlatform : IAsyncDisposable
{
    private readonly ServiceProcess _process;
    private readonly Dictionary<Organisatie, CallInvoker> _invokers = [];
    private readonly List<GrpcChannel> _kanalen = [];
    private ECDsa? _mensen, _diensten;

    private EmbeddedPlatform(string naam, IReadOnlyDictionary<string, string>? instellingen)
    {
        DataDir = Directory.CreateTempSubdirectory(naam).FullName;
        var omgeving = new Dictionary<string, string>(instellingen ?? new Dictionary<string, string>()) { ["Jbk__DataDir"] = DataDir };
        _process = new ServiceProcess("platform", "Jbk.Platform", omgeving, DataDir);
    }

    public string DataDir { get; }
    public string Address => _process.Address;

    /// <param name="instellingen">Extra settings as environment variables (e.g. <c>Jbk__Oefenklok</c>).</param>
    public static async Task<EmbeddedPlatform> StartAsync(string naam, IReadOnlyDictionary<string, string>? instellingen = null)
    {
        var platform = new EmbeddedPlatform(naam, instellingen);
        try
        {
            platform._process.Start();
            await platform._process.WaitUntilServingAsync("");
            platform._mensen = SigningKeys.LoadPrivateKey(Path.Combine(platform.DataDir, JbkPaths.DefaultLocalKeyFile));
            platform._diensten = SigningKeys.LoadPrivateKey(Path.Combine(platform.DataDir, AuthOptions.StandaardLokaleDienstSleutel));
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Calls as <paramref name="org"/>; one channel per organisation.</summary>
    public CallInvoker Als(Organisatie org)
    {
        lock (_invokers)
        {
            if (_invokers.TryGetValue(org, out var invoker)) return invoker;
            var credentials = CallCredentials.FromInterceptor((_, metadata) =>
            {
                var sleutel = org.Soort == OrganisatieSoort.Dienst ? _diensten! : _mensen!;
                metadata.Add("Authorization", $"Bearer {TokenMinter.Mint(sleutel, org, "matrix-gebruiker", TimeSpan.FromMinutes(org.Soort == OrganisatieSoort.Dienst ? 4 : 30))}");
                return Task.CompletedTask;
            });
            var kanaal = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials), UnsafeUseInsecureChannelCallCredentials = true,
            });
            _kanalen.Add(kanaal);
            return _invokers[org] = kanaal.CreateCallInvoker();
        }
    }

    /// <summary>Every service on the one address, as any organisation.</summary>
    public Simulatie.Kanalen Kanalen() => new(Als, Als, Als);

    public async ValueTask DisposeAsync()
    {
        foreach (var k in _kanalen) k.Dispose();
        _mensen?.Dispose();
        _diensten?.Dispose();
        await _process.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
