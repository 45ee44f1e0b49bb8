using Jbk.BuildingBlocks.Errors;
using Jbk.Capaciteit.Domain;

namespace Jbk.UnitTests.Capaciteit;

public sealed class CertificaatTests
{
    private static readonly CertificaatOpties Opties = new();
    private static readonly DateOnly Dec2024 = new(2024, 12, 1);

    [Fact]
    public void Each_kind_has_its_term_by_default()
    {
        Assert.Equal(Dec2024.AddYears(3), Certificaat.Nieuw("JBN", CertificaatSoort.Regulier, Dec2024, null, Opties).Tot);
        Assert.Equal(Dec2024.AddMonths(9), Certificaat.Nieuw("JBN", CertificaatSoort.Overbrugging, Dec2024, null, Opties).Tot);
        Assert.Equal(Dec2024.AddMonths(6), Certificaat.Nieuw("JBN", CertificaatSoort.Beeindiging, Dec2024, null, Opties).Tot);
    }

    [Fact]
    public void CertificaatDuur_a_certificate_cannot_run_longer_than_its_kind_allows() =>
        Assert.Equal(CapaciteitRegels.CertificaatDuur, Assert.Throws<RegelGeschondenException>(() =>
            Certificaat.Nieuw("JBN", CertificaatSoort.Beeindiging, Dec2024, Dec2024.AddMonths(7), Opties)).Regel);

    [Fact]
    public void CertificaatVerlenging_a_wind_down_certificate_is_extended_once_by_six_months()
    {
        var c = Certificaat.Nieuw("JBN", CertificaatSoort.Beeindiging, Dec2024, null, Opties);
        c.Verleng(Opties);
        Assert.Equal(Dec2024.AddMonths(12), c.Tot);
        Assert.Equal(CapaciteitRegels.CertificaatVerlenging, Assert.Throws<RegelGeschondenException>(() => c.Verleng(Opties)).Regel);
    }

    [Fact]
    public void A_bridging_certificate_is_extended_by_three_months_and_a_regular_one_not_at_all()
    {
        var overbrugging = Certificaat.Nieuw("JBN", CertificaatSoort.Overbrugging, Dec2024, null, Opties);
        overbrugging.Verleng(Opties);
        Assert.Equal(Dec2024.AddMonths(12), overbrugging.Tot);
        Assert.Throws<RegelGeschondenException>(() => Certificaat.Nieuw("JBN", CertificaatSoort.Regulier, Dec2024, null, Opties).Verleng(Opties));
    }

    [Fact]
    public void GeldigCertificaat_a_wind_down_certificate_takes_no_new_measures_a_bridging_one_does()
    {
        var dag = Dec2024.AddDays(10);
        var beeindiging = Certificaat.Nieuw("JBN", CertificaatSoort.Beeindiging, Dec2024, null, Opties);
        var overbrugging = Certificaat.Nieuw("JBN", CertificaatSoort.Overbrugging, Dec2024, null, Opties);

        var nee = CertificaatPoort.MagNieuwAannemen("JBN", [beeindiging], dag);
        Assert.False(nee.Toegestaan);
        Assert.Contains("beëindigingscertificaat", nee.Reden);
        Assert.True(CertificaatPoort.MagNieuwAannemen("JBN", [overbrugging], dag).Toegestaan);
        Assert.False(CertificaatPoort.MagNieuwAannemen("JBN", [overbrugging], Dec2024.AddMonths(9)).Toegestaan); // [Van, Tot)
        Assert.Contains("geen geldig certificaat", CertificaatPoort.MagNieuwAannemen("JBN", [], dag).Reden);
    }

    [Fact]
    public void A_withdrawn_certificate_no_longer_counts_from_the_day_it_was_withdrawn()
    {
        var c = Certificaat.Nieuw("JBN", CertificaatSoort.Regulier, Dec2024, null, Opties);
        c.TrekIn(Dec2024.AddMonths(2));
        Assert.True(c.GeldigOp(Dec2024.AddMonths(2).AddDays(-1)));
        Assert.False(c.GeldigOp(Dec2024.AddMonths(2)));
    }
}
