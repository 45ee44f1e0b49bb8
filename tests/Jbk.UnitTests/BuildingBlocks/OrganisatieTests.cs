using Jbk.BuildingBlocks.Security;

namespace Jbk.UnitTests.BuildingBlocks;

public sealed class OrganisatieTests
{
    [Theory]
    [InlineData("gi:JBN", OrganisatieSoort.Gi, "JBN")]
    [InlineData("gi:wss", OrganisatieSoort.Gi, "WSS")]
    [InlineData("rvdk", OrganisatieSoort.Rvdk, null)]
    [InlineData("gemeente:GM0106", OrganisatieSoort.Gemeente, "GM0106")]
    [InlineData("operator", OrganisatieSoort.Operator, null)]
    public void Parses_the_organisations_the_platform_knows(string claim, OrganisatieSoort soort, string? code)
    {
        Assert.True(Organisatie.TryParse(claim, out var organisatie));
        Assert.Equal(new Organisatie(soort, code), organisatie);
        Assert.Equal(claim.ToLowerInvariant(), organisatie.ToString().ToLowerInvariant());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("gi")]
    [InlineData("gi:")]
    [InlineData("rvdk:x")]
    [InlineData("minister")]
    public void Refuses_anything_else(string? claim) => Assert.False(Organisatie.TryParse(claim, out _));

    [Fact]
    public void A_GI_is_itself_whatever_the_case_of_the_code() => Assert.True(Organisatie.Gi("JBN").IsGi("jbn"));
}
