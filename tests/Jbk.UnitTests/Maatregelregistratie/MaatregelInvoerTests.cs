using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;

namespace Jbk.UnitTests.Maatregelregistratie;

public sealed class MaatregelInvoerTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    private static MaatregelInvoer Valideer(string? sleutel = "k1", MaatregelType? type = MaatregelType.Ots, string? gi = "jbn",
        string? regio = "Drenthe", DateOnly? start = null, DateOnly? eind = null, bool eindOpgegeven = false) =>
        MaatregelInvoer.Valideer(sleutel, type, gi, regio, start ?? Start, eind, eindOpgegeven || eind is not null);

    [Fact]
    public void A_complete_request_is_normalised()
    {
        var invoer = Valideer(eind: new DateOnly(2026, 1, 1));

        Assert.Equal("JBN", invoer.GiCode);
        Assert.Equal("drenthe", invoer.Regio);
        Assert.Equal(new DateOnly(2026, 1, 1), invoer.Einddatum);
    }

    [Theory]
    [InlineData("idempotentie_sleutel")]
    [InlineData("type")]
    [InlineData("gi_code")]
    [InlineData("regio")]
    public void A_missing_field_is_named(string veld)
    {
        var ex = Assert.Throws<OngeldigeInvoerException>(() => veld switch
        {
            "idempotentie_sleutel" => Valideer(sleutel: " "),
            "type" => Valideer(type: null),
            "gi_code" => Valideer(gi: ""),
            _ => Valideer(regio: null),
        });
        Assert.Equal(veld, ex.Veld);
    }

    [Fact]
    public void An_end_date_not_after_the_start_is_refused_with_both_dates()
    {
        var ex = Assert.Throws<OngeldigeInvoerException>(() => Valideer(eind: Start));

        Assert.Equal("einddatum", ex.Veld);
        Assert.Contains("2025-01-01", ex.Message);
    }

    [Fact]
    public void An_end_date_given_but_impossible_is_refused_not_dropped() =>
        Assert.Equal("einddatum", Assert.Throws<OngeldigeInvoerException>(() => Valideer(eindOpgegeven: true)).Veld);
}
