using System.Security.Cryptography;
using Jbk.BuildingBlocks.Hosting;
using Microsoft.Extensions.Configuration;

namespace Jbk.BuildingBlocks.Security;

/// <summary>
/// The token a platform service presents when it calls another on its own account (<c>dienst:&lt;naam&gt;</c>).
/// Signed with the key in <c>Jbk:Auth:DienstSleutel</c> (embedded mode: the local key). Renewed before it expires.
/// </summary>
public sealed class DienstToken(string dienst, ECDsa sleutel, TimeProvider klok)
{
    private static readonly TimeSpan Geldigheid = TimeSpan.FromMinutes(10);
    private readonly Lock _slot = new();
    private (string Token, DateTime Verloopt) _huidig;

    public string Geef()
    {
        var nu = klok.GetUtcNow().UtcDateTime;
        lock (_slot)
        {
            if (_huidig.Token is null || nu > _huidig.Verloopt - TimeSpan.FromMinutes(2))
                _huidig = (TokenMinter.Mint(sleutel, Organisatie.Dienst(dienst), dienst, Geldigheid, nu), nu + Geldigheid);
            return _huidig.Token;
        }
    }

    public static DienstToken Laad(string dienst, IConfiguration configuratie, TimeProvider klok)
    {
        var dataDir = JbkPaths.DataDir(configuratie);
        var pad = configuratie["Jbk:Auth:DienstSleutel"] is { Length: > 0 } eigen ? eigen
            : configuratie["Jbk:Auth:LocalKeyFile"] is { Length: > 0 } lokaal ? lokaal
            : throw new InvalidOperationException(
                $"De dienst {dienst} roept andere diensten aan en heeft een sleutel nodig: zet Jbk:Auth:DienstSleutel (pad naar de private sleutel).");
        return new DienstToken(dienst, SigningKeys.LoadPrivateKey(Path.Combine(dataDir, pad)), klok);
    }
}
