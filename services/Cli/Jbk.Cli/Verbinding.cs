using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Security;

namespace Jbk.Cli;

/// <summary>A gRPC channel to the platform that sends the caller's token on every call.</summary>
internal static class Verbinding
{
    public static GrpcChannel Open(ParseResult r)
    {
        var token = r.GetValue(GlobaleOpties.Token) ?? MaakLokaalToken(r);
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(r.GetValue(GlobaleOpties.Adres)!, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true, // plain HTTP/2 on loopback; TLS ends at the ingress
        });
    }

    /// <summary>A channel that acts as <paramref name="org"/>, with a token made from the embedded platform's local key.</summary>
    public static GrpcChannel OpenAls(ParseResult r, Organisatie org)
    {
        if (r.GetValue(GlobaleOpties.Token) is not null)
            throw new CliException("Een oefening handelt namens meerdere organisaties en maakt daarvoor zelf tokens met de lokale sleutel; laat --token weg.");
        // A rehearsal runs longer than a token may live: a fresh token (the longest a person's may be) every half hour.
        var slot = new Lock();
        (string Token, DateTime Vernieuw) huidig = default;
        return GrpcChannel.ForAddress(r.GetValue(GlobaleOpties.Adres)!, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                lock (slot)
                {
                    if (huidig.Token is null || DateTime.UtcNow > huidig.Vernieuw)
                        huidig = (Mint(r, org, TokenBeleid.Standaard.MaximaalGebruiker), DateTime.UtcNow.AddMinutes(30));
                    metadata.Add("Authorization", $"Bearer {huidig.Token}");
                }
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    /// <summary>An unauthenticated channel, for health and reflection only.</summary>
    public static GrpcChannel OpenAnoniem(ParseResult r) => GrpcChannel.ForAddress(r.GetValue(GlobaleOpties.Adres)!);

    public static string MaakLokaalToken(ParseResult r, TimeSpan? geldig = null)
    {
        var org = r.GetValue(GlobaleOpties.Org)
            ?? throw new CliException("Zeg voor welke organisatie u handelt: --org gi:<code> | rvdk | gemeente:<code> | operator (of JBK_ORG), of geef --token.");
        if (!Organisatie.TryParse(org, out var organisatie))
            throw new CliException($"'{org}' is geen organisatie: gebruik gi:<code>, rvdk, gemeente:<code> of operator.");
        if (!TokenBeleid.Bestaat(organisatie))
            throw new CliException($"'{org}' bestaat niet: een GI uit het register, gemeente:<CBS-code> (bijv. gemeente:GM0106), rvdk of operator.");
        return Mint(r, organisatie, geldig ?? TimeSpan.FromHours(1));
    }

    private static string Mint(ParseResult r, Organisatie organisatie, TimeSpan geldig)
    {
        // The CLI speaks for people; a service's calls carry the service's own key, which the CLI never holds.
        if (organisatie.Soort == OrganisatieSoort.Dienst)
            throw new CliException($"De CLI maakt geen token voor {organisatie}: alleen een dienst zelf ondertekent voor zichzelf, met zijn eigen sleutel.");
        if (geldig > TokenBeleid.Standaard.MaximaalGebruiker || geldig <= TimeSpan.Zero)
            throw new CliException($"Een token is ten hoogste {TokenBeleid.Standaard.MaximaalGebruiker.TotalMinutes:0} minuten geldig; kies --geldig binnen die grens.");
        var pad = Path.Combine(Path.GetFullPath(r.GetValue(GlobaleOpties.DataDir)!), JbkPaths.DefaultLocalKeyFile);
        if (!File.Exists(pad))
            throw new CliException($"Geen lokale sleutel in {pad}: start eerst het embedded platform in deze map, of geef --token.");
        using var sleutel = SigningKeys.LoadPrivateKey(pad);
        return TokenMinter.Mint(sleutel, organisatie, r.GetValue(GlobaleOpties.Gebruiker)!, geldig);
    }
}

/// <summary>A mistake of the user the CLI explains instead of a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
