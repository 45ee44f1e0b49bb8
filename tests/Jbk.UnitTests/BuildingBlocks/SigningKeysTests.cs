using Jbk.BuildingBlocks.Security;

namespace Jbk.UnitTests.BuildingBlocks;

public sealed class SigningKeysTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_local_key_is_created_once_readable_by_its_owner_only_and_then_reused()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("jbk-keys").FullName, "keys", "k.pem");

        using var first = SigningKeys.LoadOrCreatePrivateKey(path);
        using var second = SigningKeys.LoadOrCreatePrivateKey(path);

        Assert.Equal(SigningKeys.KeyId(first), SigningKeys.KeyId(second));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_public_key_from_PEM_has_the_same_key_id_as_its_private_key()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

        var publicKey = SigningKeys.PublicKeyFromPem(SigningKeys.ExportPublicKeyPem(key));

        Assert.Equal(SigningKeys.KeyId(key), publicKey.KeyId);
    }
}
