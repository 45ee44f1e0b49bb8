using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Jbk.BuildingBlocks.Security;

/// <summary>
/// Tokens are signed with ECDSA P-256 (ES256). Services need only the public keys; whoever mints
/// tokens (the embedded platform's local key, an identity provider in production) holds the private key.
/// </summary>
public static class SigningKeys
{
    /// <summary>Reads the private key at <paramref name="path"/>, creating it (readable by the owner only) when missing.</summary>
    public static ECDsa LoadOrCreatePrivateKey(string path)
    {
        if (File.Exists(path)) return LoadPrivateKey(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var tmp = $"{path}.{Guid.NewGuid():N}.tmp"; // unique: several processes may start at once
        File.WriteAllText(tmp, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Two processes starting at once must end up trusting the same key: first rename wins.
        try { File.Move(tmp, path, overwrite: false); }
        catch (IOException) { File.Delete(tmp); key.Dispose(); return LoadPrivateKey(path); }
        return key;
    }

    public static ECDsa LoadPrivateKey(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }

    /// <summary>
    /// A private key given as PEM text (read from a secret store) or as a path (relative to <paramref name="dataDir"/>).
    /// </summary>
    public static ECDsa LoadPrivateKeyPemOrPath(string waarde, string dataDir)
    {
        if (!IsPem(waarde)) return LoadPrivateKey(Path.Combine(dataDir, waarde));
        var key = ECDsa.Create();
        key.ImportFromPem(waarde);
        return key;
    }

    public static bool IsPem(string waarde) => waarde.Contains("-----BEGIN", StringComparison.Ordinal);

    public static string ExportPublicKeyPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>A public key from PEM text, with a key id derived from the key itself.</summary>
    public static ECDsaSecurityKey PublicKeyFromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return ToSecurityKey(key);
    }

    public static ECDsaSecurityKey ToSecurityKey(ECDsa key) => new(key) { KeyId = KeyId(key) };

    /// <summary>A short, stable id: the first bytes of the SHA-256 of the public key.</summary>
    public static string KeyId(ECDsa key) =>
        Base64UrlEncoder.Encode(SHA256.HashData(key.ExportSubjectPublicKeyInfo()).AsSpan(0, 12).ToArray());
}
