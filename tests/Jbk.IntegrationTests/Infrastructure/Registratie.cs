using Jbk.Contracts;
using Jbk.Maatregelen.V1;

namespace Jbk.IntegrationTests.Infrastructure;

internal static class Registratie
{
    /// <summary>Three months ago: a registration runs for a year, so it is running today (a lapsed one would end by law).</summary>
    public static readonly DateOnly Start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-3);

    /// <summary>A synthetic BSN that passes the elfproef. No real person's number.</summary>
    public static string Bsn()
    {
        while (true)
        {
            var cijfers = Enumerable.Range(0, 8).Select(_ => Random.Shared.Next(10)).ToArray();
            var controle = cijfers.Select((c, i) => (9 - i) * c).Sum() % 11;
            if (controle < 10 && cijfers.Any(c => c != 0)) return string.Concat(cijfers) + controle;
        }
    }

    public static Jeugdige Jeugdige(string? bsn = null, string? gezinId = null) => new()
    {
        Bsn = bsn ?? Bsn(),
        Geboortedatum = new DateOnly(2014, 5, 17).ToProto(),
        Gemeente = "GM0106",
        GezinId = gezinId ?? "",
    };

    /// <summary>A valid registration of a new OTS for <paramref name="gi"/> in <paramref name="regio"/>.</summary>
    public static RegistreerMaatregelRequest Ots(string gi, string regio = "drenthe", Jeugdige? jeugdige = null) => new()
    {
        IdempotentieSleutel = Guid.NewGuid().ToString(),
        Type = MaatregelType.Ots.ToProto(),
        GiCode = gi,
        Regio = regio,
        Startdatum = Start.ToProto(),
        Einddatum = Start.AddYears(1).ToProto(),
        Jeugdige = jeugdige ?? Jeugdige(),
        Beschikking = new Beschikking
        {
            Rechtbank = "Rechtbank Noord-Nederland", Zaaknummer = "C/19/" + Random.Shared.Next(100000, 999999), Datum = Start.ToProto(),
            Einddatum = Start.AddYears(1).ToProto(),
        },
    };
}
