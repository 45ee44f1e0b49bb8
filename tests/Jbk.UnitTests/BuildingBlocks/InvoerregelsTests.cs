using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Jbk.BuildingBlocks.Invoer;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>Each limit of the edge, broken on purpose; a valid request passes.</summary>
public sealed class InvoerregelsTests
{
    private static RegistreerMaatregelRequest Geldig() => new()
    {
        IdempotentieSleutel = "sleutel-1", Type = MaatregelType.Ots.ToProto(), GiCode = "JBN", Regio = "drenthe",
        Startdatum = new DateOnly(2026, 1, 5).ToProto(), Einddatum = new DateOnly(2027, 1, 5).ToProto(),
        Jeugdige = new Jeugdige { Bsn = "111222333", Naam = "Synthetisch Kind", Gemeente = "GM0106", Geboortedatum = new DateOnly(2014, 5, 17).ToProto(), Doelgroepen = { "lvb" } },
    };

    private static Invoerfout? Met(Action<RegistreerMaatregelRequest> wijzig)
    {
        var r = Geldig();
        wijzig(r);
        return Invoerregels.Controleer(r);
    }

    [Fact]
    public void A_valid_request_passes() => Assert.Null(Invoerregels.Controleer(Geldig()));

    [Fact]
    public void Free_text_may_break_lines_but_a_code_or_a_name_may_not()
    {
        Assert.Null(Invoerregels.Controleer(new BeeindigMaatregelRequest { MaatregelId = Guid.NewGuid().ToString(), Reden = "regel één\nregel twee" }));
        Assert.Equal("jeugdige.naam", Met(r => r.Jeugdige.Naam = "Kind\nNaam")!.Veld);
        Assert.Equal("idempotentie_sleutel", Met(r => r.IdempotentieSleutel = "a\u0000b")!.Veld);
        Assert.Equal("reden", Invoerregels.Controleer(new BeeindigMaatregelRequest { Reden = "bel \u0007" })!.Veld);
    }

    [Theory]
    [InlineData(150, true)]
    [InlineData(151, false)]
    [InlineData(65536, false)]
    public void An_id_or_code_is_at_most_150_characters(int lengte, bool goed)
    {
        var fout = Invoerregels.Controleer(new GeefMaatregelRequest { MaatregelId = new string('a', lengte) });
        Assert.Equal(goed, fout is null);
        if (!goed) Assert.DoesNotContain("aaaa", fout!.Reden); // never echoes what was sent
    }

    [Fact]
    public void Free_text_is_at_most_2000_and_a_name_200_characters()
    {
        Assert.Null(Invoerregels.Controleer(new BeeindigMaatregelRequest { Reden = new string('x', 2000) }));
        Assert.NotNull(Invoerregels.Controleer(new BeeindigMaatregelRequest { Reden = new string('x', 2001) }));
        Assert.Null(Met(r => r.Jeugdige.Naam = new string('x', 200)));
        Assert.Equal("jeugdige.naam", Met(r => r.Jeugdige.Naam = new string('x', 1_000_000))!.Veld);
    }

    [Fact]
    public void A_repeated_field_holds_at_most_a_thousand_values() =>
        Assert.Equal("jeugdige.doelgroepen", Met(r => r.Jeugdige.Doelgroepen.AddRange(Enumerable.Repeat("lvb", 1000)))!.Veld);

    [Fact]
    public void An_enum_must_be_a_known_value()
    {
        Assert.Equal("type", Met(r => r.Type = (Common.V1.MaatregelType)99)!.Veld);
        Assert.Equal("type", Met(r => r.Type = (Common.V1.MaatregelType)(-1))!.Veld);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e308)]
    public void A_number_is_finite_and_bounded(double waarde) =>
        Assert.Equal("bezetting.fte_totaal", Invoerregels.Controleer(new StelBezettingInRequest { Bezetting = new Bezetting { GiCode = "JBN", FteTotaal = waarde } })!.Veld);

    [Fact]
    public void A_whole_number_is_bounded_and_an_id_number_not_negative()
    {
        Assert.Equal("venster_dagen", Invoerregels.Controleer(new GeefTermijnenRequest { GiCode = "JBN", VensterDagen = int.MaxValue })!.Veld);
        Assert.Equal("certificaat_id", Invoerregels.Controleer(new VerlengCertificaatRequest { CertificaatId = -1 })!.Veld);
    }

    [Theory]
    [InlineData(9999, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(2025, 2, 31)]
    [InlineData(0, 0, 0)]
    public void A_date_exists_and_lies_between_1900_and_2200(int jaar, int maand, int dag) =>
        Assert.Equal("startdatum", Met(r => r.Startdatum = new Common.V1.Datum { Jaar = jaar, Maand = maand, Dag = dag })!.Veld);

    [Fact]
    public void An_instant_is_a_valid_timestamp_between_1900_and_2200()
    {
        Assert.Equal("op", Invoerregels.Controleer(new ZetOmRequest { Op = new Timestamp { Seconds = 0, Nanos = -1 } })!.Veld);
        Assert.Equal("op", Invoerregels.Controleer(new ZetOmRequest { Op = new Timestamp { Seconds = 253402300800L } })!.Veld);
        Assert.Null(Invoerregels.Controleer(new ZetOmRequest { Op = Timestamp.FromDateTime(DateTime.UtcNow) }));
    }

    [Theory]
    [InlineData("'; DROP TABLE maatregelen; --")]
    [InlineData("../../etc/passwd")]
    [InlineData("atlantis")]
    public void A_region_is_a_known_code_and_otherwise_not_found(string regio)
    {
        var fout = Met(r => r.Regio = regio)!;
        Assert.Equal("regio", fout.Veld);
        Assert.NotNull(fout.Onbekend);
        Assert.True(fout.Onbekend!.Length <= 41);
    }

    [Fact]
    public void A_GI_code_is_in_the_register_and_a_gemeente_code_in_the_CBS_list()
    {
        Assert.Equal("XYZ", Met(r => r.GiCode = "xyz")!.Onbekend);
        var gemeente = Met(r => r.Jeugdige.Gemeente = "GM99")!;
        Assert.Equal("jeugdige.gemeente", gemeente.Veld);
        Assert.Equal("GM99", gemeente.Onbekend);
        // Well formed but no gemeente: GM9999 never existed, Weesp (GM0457) joined Amsterdam in 2022.
        Assert.Equal("GM9999", Met(r => r.Jeugdige.Gemeente = "GM9999")!.Onbekend);
        Assert.Equal("GM0457", Met(r => r.Jeugdige.Gemeente = "GM0457")!.Onbekend);
        Assert.Null(Met(r => r.Jeugdige.Gemeente = "GM0363"));
    }

    [Fact]
    public void Bytes_are_left_to_the_transport_limit_and_the_RPC() =>
        Assert.Null(Invoerregels.Controleer(new LeverDocumentRequest { Inhoud = ByteString.CopyFrom(new byte[1024]) }));
}
