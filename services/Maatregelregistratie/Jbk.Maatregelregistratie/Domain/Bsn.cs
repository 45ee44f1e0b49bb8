namespace Jbk.Maatregelregistratie.Domain;

/// <summary>The citizen service number, checked with the elfproef. Never logged, never in events.</summary>
public static class Bsn
{
    /// <summary>
    /// Nine digits d1..d9 with 9·d1 + 8·d2 + ... + 2·d8 − 1·d9 divisible by 11 (and not all zero).
    /// Eight digits are accepted with a leading zero, as the BSN standard allows.
    /// </summary>
    public static bool IsGeldig(string? bsn)
    {
        if (string.IsNullOrWhiteSpace(bsn)) return false;
        var cijfers = bsn.Trim();
        if (cijfers.Length == 8) cijfers = "0" + cijfers;
        if (cijfers.Length != 9 || !cijfers.All(char.IsAsciiDigit)) return false;
        var som = 0;
        for (var i = 0; i < 8; i++) som += (9 - i) * (cijfers[i] - '0');
        som -= cijfers[8] - '0';
        return som % 11 == 0 && cijfers != "000000000";
    }

    public static string Normaliseer(string bsn) => bsn.Trim().PadLeft(9, '0');
}
