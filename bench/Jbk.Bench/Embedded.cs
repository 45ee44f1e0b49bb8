using Jbk.Topologie;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Simulatie;

namespace Jbk.Bench;

/// <summary>
/// The embedded platform as the README starts it (one process, SQLite, in-memory bus), in a fresh folder, with
/// channels that act as any organisation on tokens from its local key.
/// </summary>
public sealed class Embedded : IAsyncDisposable
{
    private readonly Kindproces _proces;
    private readonly GrpcChannel _kanaal;
    private readonly string _map;

    private Embedded(Kindproces proces, string adres, string map)
    {
        (_proces, _map) = (proces, map);
        _kanaal = GrpcChannel.ForAddress(adres, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
    }

    public static async Task<Embedded> StartAsync(string werkmap)
    {
        // The platform built in the benchmark's own configuration (bench/Jbk.Bench/bin/<configuration>/net10.0).
        var configuratie = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Repo.Wortel, "services", "Platform", "Jbk.Platform", "bin", configuratie, "net10.0", "Jbk.Platform.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} ontbreekt: bouw eerst (dotnet build Platform.sln -c {configuratie}).");
        var (grpc, http) = (VrijePoorten.Een(), VrijePoorten.Een());
        var map = Path.Combine(werkmap, "platform");
        var proces = Kindproces.Start("platform", map, new Dictionary<string, string>
        {
            ["Jbk__GrpcPort"] = grpc.ToString(), ["Jbk__HttpPort"] = http.ToString(), ["Jbk__DataDir"] = Path.Combine(map, ".jbk"),
        }, dll);
        var platform = new Embedded(proces, $"http://127.0.0.1:{grpc}", map);
        try
        {
            await proces.WachtTotKlaarAsync("het embedded platform", async () =>
            {
                if (!File.Exists(Path.Combine(map, ".jbk", JbkPaths.DefaultLocalKeyFile))) return false;
                await platform.Capaciteit(Organisatie.Rvdk).ListInstellingenAsync(new ListInstellingenRequest());
                return true;
            }, TimeSpan.FromSeconds(90));
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    public CallInvoker Als(Organisatie org)
    {
        var sleutelpad = Path.Combine(_map, ".jbk", JbkPaths.DefaultLocalKeyFile);
        var token = new Lazy<string>(() =>
        {
            using var sleutel = SigningKeys.LoadPrivateKey(sleutelpad);
            return TokenMinter.Mint(sleutel, org, "benchmark", TimeSpan.FromMinutes(30));
        });
        return _kanaal.Intercept(metadata =>
        {
            metadata.Add("Authorization", $"Bearer {token.Value}");
            return metadata;
        });
    }

    public CapaciteitService.CapaciteitServiceClient Capaciteit(Organisatie org) => new(Als(org));

    public Kanalen Kanalen() => new(Als, Als, Als);

    public async ValueTask DisposeAsync()
    {
        _kanaal.Dispose();
        await _proces.DisposeAsync();
    }
}

/// <summary>Where the repository is: the folder with Platform.sln above the benchmark.</summary>
public static class Repo
{
    public static string Wortel { get; } = Zoek(AppContext.BaseDirectory);

    private static string Zoek(string map) =>
        File.Exists(Path.Combine(map, "Platform.sln")) ? map
        : Directory.GetParent(map)?.FullName is { } boven ? Zoek(boven)
        : throw new DirectoryNotFoundException("Platform.sln niet gevonden boven de benchmark.");
}
