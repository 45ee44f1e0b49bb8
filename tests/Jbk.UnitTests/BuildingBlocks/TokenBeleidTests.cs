using Jbk.BuildingBlocks.Security;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>The token policy as plain rules: who a key may sign for, which organisations exist, how long a token may live.</summary>
public sealed class TokenBeleidTests
{
    private static readonly DateTime Nu = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static readonly SleutelRol Idp = new SleutelRol.IdentityProvider();
    private static readonly SleutelRol Overdracht = new SleutelRol.Dienst("overdracht");
    private static string? Weiger(string org, SleutelRol? rol, TimeSpan? geldig = null, string[]? namens = null, bool metNbf = true) =>
        TokenBeleid.Standaard.Weiger([org], namens ?? [], metNbf ? Nu : null, Nu + (geldig ?? TimeSpan.FromMinutes(5)), rol);

    [Theory]
    [InlineData("gi:JBN")]
    [InlineData("gemeente:GM0106")]
    [InlineData("rvdk")]
    [InlineData("operator")]
    public void The_identity_provider_signs_for_people_of_organisations_that_exist(string org) => Assert.Null(Weiger(org, Idp));

    [Theory]
    [InlineData("gi:XXX", "bestaande organisatie")]
    [InlineData("gemeente:GM99999", "bestaande organisatie")]
    [InlineData("gemeente:GM9999", "bestaande organisatie")]
    [InlineData("gemeente:GM0457", "bestaande organisatie")]
    [InlineData("dienst:overdracht", "identity provider")]
    [InlineData("nonsens", "bestaande organisatie")]
    public void The_identity_provider_is_refused_for_what_does_not_exist_and_for_services(string org, string waarom) =>
        Assert.Contains(waarom, Weiger(org, Idp));

    [Fact]
    public void A_service_key_signs_for_its_own_service_only()
    {
        Assert.Null(Weiger("dienst:overdracht", Overdracht));
        Assert.Contains("alleen voor dienst:overdracht", Weiger("dienst:clientenstop", Overdracht));
        Assert.Contains("alleen voor dienst:overdracht", Weiger("gi:JBN", Overdracht));
        Assert.Contains("alleen voor dienst:overdracht", Weiger("operator", Overdracht));
        Assert.Contains("bestaande organisatie", Weiger("dienst:anything", Overdracht));
        // The embedded platform's service key signs for any of its services, for nobody else.
        Assert.Null(Weiger("dienst:clientenstop", new SleutelRol.Dienst(null)));
        Assert.NotNull(Weiger("gi:JBN", new SleutelRol.Dienst(null)));
    }

    [Fact]
    public void Lifetimes_are_bounded_an_hour_for_people_five_minutes_for_services_and_nbf_is_required()
    {
        Assert.Null(Weiger("gi:JBN", Idp, TimeSpan.FromHours(1)));
        Assert.Contains("te lang geldig", Weiger("gi:JBN", Idp, TimeSpan.FromDays(36500)));
        Assert.Contains("te lang geldig", Weiger("gi:JBN", Idp, TimeSpan.FromMinutes(61)));
        Assert.Contains("te lang geldig", Weiger("dienst:overdracht", Overdracht, TimeSpan.FromMinutes(6)));
        Assert.Contains("nbf", Weiger("gi:JBN", Idp, metNbf: false));
    }

    [Fact]
    public void One_org_a_readable_namens_and_a_known_key()
    {
        Assert.Contains("precies één", TokenBeleid.Standaard.Weiger(["gi:JBN", "gi:JBF"], [], Nu, Nu.AddMinutes(5), Idp));
        Assert.Contains("precies één", TokenBeleid.Standaard.Weiger([], [], Nu, Nu.AddMinutes(5), Idp));
        Assert.Null(Weiger("operator", Idp, namens: ["gi:JBN"]));
        Assert.Contains("namens", Weiger("operator", Idp, namens: ["!!"]));
        Assert.Contains("namens", Weiger("operator", Idp, namens: ["gi:XXX"]));
        Assert.Contains("onbekende sleutel", Weiger("gi:JBN", null));
    }
}
