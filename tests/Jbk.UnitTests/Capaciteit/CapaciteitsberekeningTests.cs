using Jbk.BuildingBlocks.Errors;
using Jbk.Capaciteit.Domain;
using Jbk.Contracts;

namespace Jbk.UnitTests.Capaciteit;

public sealed class CapaciteitsberekeningTests
{
    /// <summary>JBN in August 2025 (seeds: Verbeterplan JBN): 81.19 FTE SKJ-registered, 10.39 sick, 14.8 external, 9 in training.</summary>
    public static Bezetting JbnAugustus2025(decimal norm = 15m) => new()
    {
        GiCode = "JBN", FteTotaal = 81.19m, FteZiek = 10.39m, FteExtern = 14.8m, FteInOpleiding = 9m, Norm = norm,
    };

    [Fact]
    public void JBN_has_70_8_deployable_FTE_as_the_seeds_report()
    {
        Assert.Equal(70.8m, JbnAugustus2025().FteInzetbaar);
    }

    [Fact]
    public void About_935_measures_over_70_8_deployable_FTE_is_13_2_per_FTE()
    {
        var bezetting = JbnAugustus2025();
        Assert.Equal(13.2m, Math.Round(935m / bezetting.FteInzetbaar, 1));
    }

    [Fact]
    public void Workers_in_training_count_at_their_lower_caseload()
    {
        var bezetting = JbnAugustus2025();
        Assert.Equal(66.3m, bezetting.FteEffectief); // 70.8 - 9 x (1 - 0.5)
        Assert.Equal(994, bezetting.Capaciteit);     // floor(66.3 x 15)
    }

    [Fact]
    public void At_the_practice_norm_of_14_JBN_can_just_carry_its_935_measures_and_at_the_tariffs_intent_of_9_it_cannot()
    {
        Assert.True(JbnAugustus2025(norm: 14m).Capaciteit >= 925);
        Assert.True(JbnAugustus2025(norm: 9m).Capaciteit < 935);
    }

    [Fact]
    public void Weights_per_type_make_an_MUHP_extra_work_not_a_new_case()
    {
        var gewichten = new Gewichten();
        Assert.Equal(1m, gewichten.Van(MaatregelType.Ots));
        Assert.Equal(0.5m, gewichten.Van(MaatregelType.Muhp));
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, 15, 0.5, "fte")]
    [InlineData(10, 11, 0, 0, 15, 0.5, "fte_ziek")]
    [InlineData(10, 0, 0, 0, 0, 0.5, "norm")]
    [InlineData(10, 0, 0, 0, 15, 1.5, "opleidingsfactor")]
    public void Impossible_staffing_figures_are_refused_naming_the_field(double t, double z, double e, double o, double n, double f, string veld) =>
        Assert.Equal(veld, Assert.Throws<OngeldigeInvoerException>(() =>
            Bezetting.Valideer((decimal)t, (decimal)z, (decimal)e, (decimal)o, (decimal)n, (decimal)f)).Veld);
}
