using System.Security.Cryptography;
using System.Text;

namespace Jbk.Topologie;

/// <summary>
/// docker compose's secrets: the database and broker passwords and the services' connection settings, in
/// <c>.jbk/infra.env</c> (never committed; readable by its owner only). Fresh random passwords the first time; kept after.
/// </summary>
public static class ComposeGeheimen
{
    public static string Bestand(string jbkMap) => Path.Combine(jbkMap, "infra.env");

    /// <summary>Writes the file when it is missing; true when it wrote one.</summary>
    public static bool MaakAls(string jbkMap)
    {
        var pad = Bestand(jbkMap);
        if (File.Exists(pad)) return false;
        Directory.CreateDirectory(jbkMap);
        string Wachtwoord() => Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
        var (postgres, rabbitmq) = (Wachtwoord(), Wachtwoord());
        var inhoud = new StringBuilder("# docker compose's secrets (jbk topologie geheimen); never commit this file.\n")
            .Append("POSTGRES_USER=jbk\n").Append($"POSTGRES_PASSWORD={postgres}\n")
            .Append("RABBITMQ_DEFAULT_USER=jbk\n").Append($"RABBITMQ_DEFAULT_PASS={rabbitmq}\n")
            .Append($"Jbk__Database__Postgres=Host=postgres;Port=5432;Username=jbk;Password={postgres}\n")
            .Append($"Jbk__Messaging__RabbitMq=amqp://jbk:{rabbitmq}@rabbitmq:5672/\n").ToString();
        var tijdelijk = pad + ".tmp";
        File.WriteAllText(tijdelijk, inhoud);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tijdelijk, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(tijdelijk, pad);
        return true;
    }
}
