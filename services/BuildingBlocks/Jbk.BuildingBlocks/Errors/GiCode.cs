using Jbk.Contracts;

namespace Jbk.BuildingBlocks.Errors;

/// <summary>Reads a GI code from a request: missing is INVALID_ARGUMENT, unknown to the shipped registry is NOT_FOUND.</summary>
public static class GiCode
{
    public static string Vereis(string? waarde, string veld)
    {
        if (string.IsNullOrWhiteSpace(waarde)) throw new OngeldigeInvoerException(veld, "De GI ontbreekt (bijv. JBN).");
        var code = waarde.Trim().ToUpperInvariant();
        return GiRegister.IsBekend(code) ? code : throw new NietGevondenException("GI", code, $"GI '{code}' staat niet in het GI-register.");
    }
}
