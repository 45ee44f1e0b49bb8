using System.Net;
using System.Net.Sockets;

namespace Jbk.Topologie;

/// <summary>
/// Ports for the processes the tests and the benchmarks start, from below the kernel's ephemeral range: a port there
/// that is free now can be taken a moment later by any outgoing connection (to PostgreSQL, RabbitMQ, a proxy) before the
/// process binds it, which is how a test's start once failed with "address already in use". Each port is handed out
/// once per run of the program that asks, so what starts side by side never gets the same one.
/// </summary>
public static class VrijePoorten
{
    private const int Ondergrens = 12_000;
    private static readonly object Slot = new();
    private static readonly int Bovengrens = EersteEfemerePoort();
    private static int _volgende = Random.Shared.Next(Ondergrens, Bovengrens);

    /// <summary>One free port.</summary>
    public static int Een() => Reeks(1);

    /// <summary>The first of <paramref name="omvang"/> consecutive ports, all free now and none handed out before.</summary>
    public static int Reeks(int omvang)
    {
        lock (Slot)
        {
            for (var poging = 0; poging < 200; poging++)
            {
                if (_volgende + omvang > Bovengrens) _volgende = Ondergrens;
                var begin = _volgende;
                _volgende += omvang;
                if (Enumerable.Range(begin, omvang).All(IsVrij)) return begin;
            }
        }
        throw new InvalidOperationException($"Geen {omvang} vrije poorten op een rij gevonden tussen {Ondergrens} en {Bovengrens}.");
    }

    private static bool IsVrij(int poort)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, poort);
            listener.Start();
            return true;
        }
        catch (SocketException) { return false; }
    }

    /// <summary>The start of the range the kernel picks outgoing ports from (Linux: /proc/sys/net/ipv4/ip_local_port_range).</summary>
    private static int EersteEfemerePoort()
    {
        const string bereik = "/proc/sys/net/ipv4/ip_local_port_range";
        var begin = File.Exists(bereik) && int.TryParse(File.ReadAllText(bereik).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0], out var b) ? b : 32_768;
        if (begin < Ondergrens + 2_000)
            throw new InvalidOperationException($"De efemere poorten beginnen bij {begin} ({bereik}): te laag voor de poorten van de tests en de benchmarks (vanaf {Ondergrens}).");
        return begin;
    }
}
