using Microsoft.Extensions.Configuration;

namespace Jbk.BuildingBlocks.Hosting;

public static class JbkPaths
{
    /// <summary>The data folder (SQLite files, the local signing key): <c>Jbk:DataDir</c>, default <c>.jbk</c> under the working folder.</summary>
    public static string DataDir(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Jbk:DataDir"] is { Length: > 0 } dir ? dir : ".jbk");

    public const string DefaultLocalKeyFile = "keys/jbk-signing-key.pem";
}
