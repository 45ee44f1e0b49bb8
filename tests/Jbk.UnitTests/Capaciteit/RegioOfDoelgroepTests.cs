using Jbk.Contracts;

namespace Jbk.UnitTests.Capaciteit;

/// <summary>The one rule the availability question, the continuity checks and the planner share.</summary>
public sealed class RegioOfDoelgroepTests
{
    [Theory]
    [InlineData(GiSoort.Regionaal, "drenthe", "", true)]     // a contract in the region
    [InlineData(GiSoort.Regionaal, "groningen", "lvb", false)] // no contract there; a doelgroep does not help a regional GI
    [InlineData(GiSoort.Landelijk, "groningen", "lvb", true)]  // national for the child's doelgroep, wherever it lives
    [InlineData(GiSoort.Landelijk, "drenthe", "", false)]      // national, but not for this child
    public void A_regional_GI_needs_a_contract_in_the_region_and_a_national_GI_the_childs_doelgroep(GiSoort soort, string regio, string doelgroep, bool past)
    {
        string[] doelgroepen = doelgroep.Length == 0 ? [] : [doelgroep];
        Assert.Equal(past, RegioOfDoelgroep.Past(soort, ["lvb"], ["drenthe"], regio, doelgroepen));
    }
}
