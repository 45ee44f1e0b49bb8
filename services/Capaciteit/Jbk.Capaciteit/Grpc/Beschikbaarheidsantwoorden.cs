using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.V1;

namespace Jbk.Capaciteit.Grpc;

/// <summary>
/// The answer to a question of the RvdK, kept with the figures it was judged on: the same question on the same figures
/// (the <see cref="Persistence.Standcache"/>'s snapshot, replaced on every change and at least every second) gets the
/// same answer without judging every GI again. A new snapshot starts empty; the old one's answers go with it.
/// The answers are shared between calls and never changed after they are built.
/// </summary>
public sealed class Beschikbaarheidsantwoorden
{
    /// <summary>Different questions remembered per snapshot; beyond this an answer is built but not kept.</summary>
    public const int MaximumPerOpname = 512;

    private readonly ConditionalWeakTable<IReadOnlyList<GiStand>, ConcurrentDictionary<string, VraagBeschikbaarheidResponse>> _perOpname = new();

    public VraagBeschikbaarheidResponse Geef(IReadOnlyList<GiStand> opname, Casus casus, Func<VraagBeschikbaarheidResponse> bouw)
    {
        var antwoorden = _perOpname.GetValue(opname, _ => new ConcurrentDictionary<string, VraagBeschikbaarheidResponse>(StringComparer.Ordinal));
        var sleutel = Sleutel(casus);
        if (antwoorden.TryGetValue(sleutel, out var bekend)) return bekend;
        var antwoord = bouw();
        return antwoorden.Count < MaximumPerOpname ? antwoorden.GetOrAdd(sleutel, antwoord) : antwoord;
    }

    /// <summary>Every field of the question that the judgement reads.</summary>
    private static string Sleutel(Casus c) =>
        $"{c.Regio}|{c.Type}|{string.Join(',', c.Doelgroepen)}|{c.Gezinsgrootte}|{c.Datum:yyyy-MM-dd}|{c.Spoed}";
}
