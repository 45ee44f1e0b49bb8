namespace Jbk.BuildingBlocks.Security;

/// <summary>Configuration section <c>Jbk:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>The identity provider's public keys (PEM text or the path of a PEM file): tokens for people, never for a service.</summary>
    public List<string> PublicKeys { get; set; } = [];

    /// <summary>Per platform service, the public key of its own key (PEM or path): it signs <c>dienst:&lt;naam&gt;</c> and nothing else.</summary>
    public Dictionary<string, string> DienstSleutels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A private key file the platform creates when missing and trusts as identity provider (embedded mode), so that
    /// the CLI can mint tokens for people with it. Relative paths are under the data folder.
    /// </summary>
    public string? LocalKeyFile { get; set; }

    /// <summary>
    /// The embedded platform's key for its services' own calls, created when missing next to <see cref="LocalKeyFile"/>;
    /// trusted for <c>dienst:*</c> only. The CLI never signs with it.
    /// </summary>
    public string? LocalDienstKeyFile { get; set; }

    /// <summary>The longest a token for a person may be valid (exp − nbf).</summary>
    public TimeSpan MaximaleLevensduur { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest a service's token may be valid.</summary>
    public TimeSpan MaximaleLevensduurDienst { get; set; } = TimeSpan.FromMinutes(5);

    public const string StandaardLokaleDienstSleutel = "keys/jbk-dienst-key.pem";

    /// <summary>The embedded service key's path: set, or beside the local key when there is one.</summary>
    public string? LokaleDienstSleutel => LocalDienstKeyFile is { Length: > 0 } pad ? pad : LocalKeyFile is { Length: > 0 } ? StandaardLokaleDienstSleutel : null;
}
