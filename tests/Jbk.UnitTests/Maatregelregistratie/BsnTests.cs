using Jbk.Maatregelregistratie.Domain;

namespace Jbk.UnitTests.Maatregelregistratie;

public sealed class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("12345672")] // eight digits: a leading zero is implied
    public void A_number_that_passes_the_elfproef_is_valid(string bsn) => Assert.True(Bsn.IsGeldig(bsn));

    [Theory]
    [InlineData("123456789")]
    [InlineData("000000000")]
    [InlineData("12345678a")]
    [InlineData("1234567")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_invalid(string? bsn) => Assert.False(Bsn.IsGeldig(bsn));

    [Fact]
    public void Generated_numbers_for_tests_pass_the_elfproef()
    {
        var random = new Random(7);
        Assert.All(Enumerable.Range(0, 200).Select(_ => Bouw.Bsn(random)), bsn => Assert.True(Bsn.IsGeldig(bsn)));
    }
}
