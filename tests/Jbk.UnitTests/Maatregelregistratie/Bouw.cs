using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;

namespace Jbk.UnitTests.Maatregelregistratie;

/// <summary>Builds children and measures for the rule tests.</summary>
internal static class Bouw
{
    public static readonly MaatregelOpties Opties = new();
    public static readonly DateOnly Start = new(2025, 3, 3);

    public static string Bsn(Random random)
    {
        while (true)
        {
            var cijfers = Enumerable.Range(0, 8).Select(_ => random.Next(10)).ToArray();
            var controle = cijfers.Select((c, i) => (9 - i) * c).Sum() % 11;
            if (controle < 10 && cijfers.Any(c => c != 0)) return string.Concat(cijfers) + controle;
        }
    }

    public static Jeugdige Jeugdige(DateOnly? geboren = null, Guid? gezin = null) => global::Jbk.Maatregelregistratie.Domain.Jeugdige.Nieuw(
        new JeugdigeInvoer(Bsn(Random.Shared), null, null, null, geboren ?? new DateOnly(2015, 6, 1), "GM0106", []), gezin ?? Guid.NewGuid());

    public static Maatregel Maatregel(MaatregelType type = MaatregelType.Ots, string gi = "JBN", DateOnly? start = null, DateOnly? eind = null,
        Jeugdige? jeugdige = null, Maatregel? ots = null)
    {
        var begin = start ?? Start;
        var invoer = new MaatregelInvoer(Guid.NewGuid().ToString(), type, gi, "drenthe", begin,
            eind ?? (type is MaatregelType.Ots or MaatregelType.Muhp ? begin.AddMonths(12) : null),
            type == MaatregelType.Jeugdreclassering ? "itb" : null);
        return global::Jbk.Maatregelregistratie.Domain.Maatregel.Registreer(invoer, jeugdige ?? Jeugdige(), ots, null, Opties, DateTime.UtcNow).Item1;
    }

    public static Beschikking Verlenging(DateOnly nieuweEinde) =>
        new(BeschikkingSoort.Verlengen, "Rechtbank Noord-Nederland", "C/19/123456", nieuweEinde.AddMonths(-1), nieuweEinde);
}
