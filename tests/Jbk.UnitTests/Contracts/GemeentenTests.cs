using Jbk.Contracts;

namespace Jbk.UnitTests.Contracts;

/// <summary>The gemeente list every service checks gemeenten against: complete, unambiguous, and in the platform's regions.</summary>
public sealed class GemeentenTests
{
    [Fact]
    public void Every_gemeente_of_the_Netherlands_is_listed_once_with_a_CBS_code()
    {
        Assert.Equal(342, Gemeenten.Alle.Count);
        Assert.Equal(342, Gemeenten.Alle.Select(g => g.Code).Distinct().Count());
        Assert.All(Gemeenten.Alle, g => Assert.Matches("^GM[0-9]{4}$", g.Code));
        Assert.Equal(342, Gemeenten.Alle.Select(g => g.Naam).Distinct().Count());
    }

    [Fact]
    public void Every_platform_region_has_its_gemeenten_and_no_gemeente_lies_outside_the_regions()
    {
        Assert.All(Gemeenten.Alle, g => Assert.Contains(g.Regio, Regios.Bekend));
        Assert.All(Regios.Bekend, r => Assert.Contains(Gemeenten.Alle, g => g.Regio == r));
    }

    [Fact]
    public void Drenthe_is_the_jeugdregio_of_twelve_gemeenten_the_seeds_name()
    {
        var drenthe = Gemeenten.Alle.Where(g => g.Regio == "drenthe").Select(g => g.Naam).Order().ToArray();
        Assert.Equal(
            ["Aa en Hunze", "Assen", "Borger-Odoorn", "Coevorden", "De Wolden", "Emmen", "Hoogeveen", "Meppel", "Midden-Drenthe",
             "Noordenveld", "Tynaarlo", "Westerveld"], drenthe);
    }

    [Theory]
    [InlineData("GM0106", "drenthe", true)]
    [InlineData("gm0106", "Drenthe ", true)]
    [InlineData("GM0363", "amsterdam", true)]
    [InlineData("GM0363", "noord-holland", false)]
    [InlineData("GM0362", "amsterdam", true)] // Amstelveen: Amsterdam-Amstelland
    [InlineData("GM0599", "rotterdam-rijnmond", true)]
    [InlineData("GM0518", "haaglanden", true)]
    [InlineData("GM0034", "flevoland", true)] // Almere
    [InlineData("GM0014", "drenthe", false)]
    [InlineData("GM9999", "drenthe", false)]
    [InlineData("GM0106", "nergens", false)]
    public void A_gemeente_belongs_to_its_own_region_only(string gemeente, string regio, bool hoortBij) =>
        Assert.Equal(hoortBij, Gemeenten.HoortBij(gemeente, regio));

    [Fact]
    public void A_merged_gemeente_is_gone_and_its_successor_is_there()
    {
        Assert.False(Gemeenten.IsBekend("GM0457")); // Weesp, part of Amsterdam since 2022
        Assert.False(Gemeenten.IsBekend("GM0501")); // Brielle, part of Voorne aan Zee since 2023
        Assert.Equal(new Gemeente("GM1992", "Voorne aan Zee", "rotterdam-rijnmond"), Gemeenten.Zoek("GM1992"));
        Assert.Equal("Assen (GM0106, drenthe)", Gemeenten.Beschrijf("GM0106"));
    }
}
