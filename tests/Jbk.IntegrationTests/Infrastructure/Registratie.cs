using Jbk.Contracts;
using Jbk.Maatregelen.V1;

namespace Jbk.IntegrationTests.Infrastructure;

internal static class Registratie
{
    /// <summary>A valid registration of a new OTS for <paramref name="gi"/> in <paramref name="regio"/>.</summary>
    public static RegistreerMaatregelRequest Ots(string gi, string regio = "drenthe") => new()
    {
        IdempotentieSleutel = Guid.NewGuid().ToString(),
        Type = MaatregelType.Ots.ToProto(),
        GiCode = gi,
        Regio = regio,
        Startdatum = new DateOnly(2025, 3, 1).ToProto(),
        Einddatum = new DateOnly(2026, 3, 1).ToProto(),
    };
}
