using System.Security.Cryptography;
using Jbk.BuildingBlocks.Hosting;
using Microsoft.Extensions.Configuration;

namespace Jbk.BuildingBlocks.Security;

/// <summary>
/// The token a platform service presents when it calls another on its own account (<c>dienst:&lt;naam&gt;</c>).
/// Signed with the service's own key in <c>Jbk:Auth:DienstSleutel</c> (embedded mode: the local service key, never the
/// key the CLI signs with). Valid for the services' maximum (five minutes), renewed a minute before it expires.
/// </summary>
public sealed class DienstToken(string dienst, ECDsa sleutel, TimeProvider klok, TimeSpan geldigheid)
{
    private readonly Lock _slot = new();
    private (string Token, DateTime Verloopt) _huidig;

    public string Geef()
    {
        var nu = klok.GetUtcNow().UtcDateTime;
        lock (_slot)
        {
            if (_huidig.Token is null || nu > _huidig.Verloopt - TimeSpan.FromMinutes(1))
                _huidig = (TokenMinter.Mint(sleutel, Organisatie.Dienst(dienst), dienst, geldigheid, nu), nu + geldigheid);
            return _huidig.Token;
        }
    }

    public static DienstToken Laad(string dienst, IConfiguration configuratie, TimeProvider klok)
    {
        var opties = configuratie.GetSection("Jbk:Auth").Get<AuthOptions>() ?? new AuthOptions();
        var pad = configuratie["Jbk:Auth:DienstSleutel"] is { Length: > 0 } eigen ? eigen
            : opties.LokaleDienstSleutel
            ?? throw new InvalidOperationException(
                $"De dienst {dienst} roept andere diensten aan en heeft een sleutel nodig: zet Jbk:Auth:DienstSleutel (pad naar de private sleutel, of de sleutel zelf uit de geheimenopslag).");
        return new DienstToken(dienst, SigningKeys.LoadPrivateKeyPemOrPath(pad, JbkPaths.DataDir(configuratie)), klok, opties.MaximaleLevensduurDienst);
    }
}
