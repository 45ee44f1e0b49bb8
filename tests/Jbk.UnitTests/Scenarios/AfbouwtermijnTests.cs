using Jbk.BuildingBlocks.Errors;
using Jbk.Overdracht.Scenarios;

namespace Jbk.UnitTests.Scenarios;

/// <summary>The deadline of a bulk transfer follows from the sender's beëindigingscertificaat, and never reaches past it.</summary>
public sealed class AfbouwtermijnTests
{
    private static readonly DateOnly Toekenning = new(2025, 1, 1);
    private static readonly DateOnly Start = new(2025, 1, 6);
    private static readonly VerzendersCertificaat Beeindiging = new(Certificaatsoort.Beeindiging, Toekenning, Toekenning.AddMonths(6), 0);
    private static readonly VerzendersCertificaat Verlengd = Beeindiging with { Tot = Toekenning.AddMonths(12), Verlengingen = 1 };
    private static readonly VerzendersCertificaat Ingetrokken = new(Certificaatsoort.Regulier, new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), 0, Toekenning);

    [Fact]
    public void Without_a_deadline_the_scenario_ends_with_the_beeindigingscertificaat()
    {
        Assert.Equal(new DateOnly(2025, 7, 1), Afbouwtermijn.Bepaal("JBN", Start, null, [Ingetrokken, Beeindiging]));
        Assert.Equal(new DateOnly(2026, 1, 1), Afbouwtermijn.Bepaal("JBN", Start, null, [Ingetrokken, Verlengd]));
    }

    [Fact]
    public void An_earlier_deadline_is_kept_and_a_later_one_is_refused_naming_the_certificate_and_the_extension_left()
    {
        Assert.Equal(new DateOnly(2025, 5, 1), Afbouwtermijn.Bepaal("JBN", Start, new DateOnly(2025, 5, 1), [Beeindiging]));
        Assert.Equal(new DateOnly(2025, 7, 1), Afbouwtermijn.Bepaal("JBN", Start, new DateOnly(2025, 7, 1), [Beeindiging]));

        var teLaat = Assert.Throws<RegelGeschondenException>(() => Afbouwtermijn.Bepaal("JBN", Start, new DateOnly(2025, 7, 2), [Beeindiging]));
        Assert.Equal(Afbouwtermijn.Regel, teLaat.Regel);
        Assert.Contains("2025-07-01", teLaat.Message);
        Assert.Contains("verleng het certificaat eerst", teLaat.Message);

        var alVerlengd = Assert.Throws<RegelGeschondenException>(() => Afbouwtermijn.Bepaal("JBN", Start, new DateOnly(2026, 2, 1), [Verlengd]));
        Assert.Contains("al eens verlengd", alVerlengd.Message);
    }

    [Fact]
    public void A_certificate_withdrawn_early_ends_the_window_when_it_is_withdrawn()
    {
        var vroegIngetrokken = Beeindiging with { IngetrokkenOp = new DateOnly(2025, 4, 1) };

        Assert.Equal(new DateOnly(2025, 4, 1), Afbouwtermijn.Bepaal("JBN", Start, null, [vroegIngetrokken]));
    }

    [Fact]
    public void A_GI_still_certified_transfers_by_choice_and_must_name_the_deadline()
    {
        var regulier = Ingetrokken with { IngetrokkenOp = null };

        // A regular certificate next to a wind-down one (JBN certified again in September 2025): no wind-down in force.
        Assert.Equal(new DateOnly(2026, 1, 1), Afbouwtermijn.Bepaal("JBN", Start, new DateOnly(2026, 1, 1), [regulier, Beeindiging]));
        var zonder = Assert.Throws<OngeldigeInvoerException>(() => Afbouwtermijn.Bepaal("JBN", Start, null, [regulier]));
        Assert.Equal("deadline", zonder.Veld);
        // A wind-down certificate that only starts after the scenario's start does not govern it either.
        Assert.Throws<OngeldigeInvoerException>(() => Afbouwtermijn.Bepaal("JBN", Toekenning.AddDays(-1), null, [Beeindiging]));
    }
}
