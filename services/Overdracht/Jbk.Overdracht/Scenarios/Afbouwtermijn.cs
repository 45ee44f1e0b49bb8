using Jbk.BuildingBlocks.Errors;

namespace Jbk.Overdracht.Scenarios;

public enum Certificaatsoort { Regulier, Overbrugging, Beeindiging }

/// <summary>A certificate of the sending GI as capaciteit registers it; valid over [Van, Tot) unless withdrawn.</summary>
public sealed record VerzendersCertificaat(Certificaatsoort Soort, DateOnly Van, DateOnly Tot, int Verlengingen, DateOnly? IngetrokkenOp = null)
{
    public bool GeldigOp(DateOnly dag) => Van <= dag && dag < Tot && (IngetrokkenOp is null || dag < IngetrokkenOp);
}

/// <summary>
/// The deadline of a bulk transfer. A GI with a beëindigingscertificaat must have handed over every running measure
/// before it ends (6 months, extendable once by 6): that end is the deadline, and no plan may reach past it. A GI that
/// still holds a regular or bridging certificate transfers by choice: the operator names the deadline.
/// </summary>
public static class Afbouwtermijn
{
    public const string Regel = "DeadlineBinnenBeeindigingscertificaat";

    public static DateOnly Bepaal(string gi, DateOnly start, DateOnly? gevraagd, IEnumerable<VerzendersCertificaat> certificaten)
    {
        var geldig = certificaten.Where(c => c.GeldigOp(start)).ToList();
        var afbouw = geldig.Any(c => c.Soort != Certificaatsoort.Beeindiging)
            ? null
            : geldig.Where(c => c.Soort == Certificaatsoort.Beeindiging).MaxBy(c => c.Tot);
        if (afbouw is null)
            return gevraagd ?? throw new OngeldigeInvoerException("deadline",
                $"{gi} heeft op {start:yyyy-MM-dd} geen beëindigingscertificaat waar de deadline uit volgt: geef de deadline van deze overdracht op.");

        var einde = afbouw.IngetrokkenOp is { } ingetrokken && ingetrokken < afbouw.Tot ? ingetrokken : afbouw.Tot;
        if (gevraagd is not { } deadline) return einde;
        if (deadline <= einde) return deadline;
        throw new RegelGeschondenException(Regel,
            $"De deadline {deadline:yyyy-MM-dd} ligt na het einde van het beëindigingscertificaat van {gi} ({einde:yyyy-MM-dd}): "
            + (afbouw.Verlengingen == 0
                ? "verleng het certificaat eerst (dat kan één keer) of kies een eerdere deadline."
                : "het certificaat is al eens verlengd en kan niet nog eens verlengd worden; kies een eerdere deadline."));
    }
}
