namespace Jbk.BuildingBlocks.Security;

/// <summary>Configuration section <c>Jbk:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>Trusted public keys: each entry is PEM text or the path of a PEM file.</summary>
    public List<string> PublicKeys { get; set; } = [];

    /// <summary>
    /// A private key file the platform creates when missing and trusts (embedded mode), so that the CLI
    /// can mint tokens with it. Relative paths are under the data folder.
    /// </summary>
    public string? LocalKeyFile { get; set; }
}
