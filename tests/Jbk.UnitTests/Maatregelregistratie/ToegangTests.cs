using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.Maatregelregistratie.Domain;

namespace Jbk.UnitTests.Maatregelregistratie;

public sealed class ToegangTests
{
    private static Caller Als(Organisatie org) => new(org, "u1", null);

    [Fact]
    public void A_GI_reads_its_own_measures_and_not_another_GIs()
    {
        var ots = Bouw.Maatregel(gi: "JBN");
        Toegang.MagLezen(Als(Organisatie.Gi("JBN")), ots);
        Toegang.MagLezen(Als(Organisatie.Rvdk), ots);
        Assert.Throws<GeenToegangException>(() => Toegang.MagLezen(Als(Organisatie.Gi("JBF")), ots));
        Assert.Throws<GeenToegangException>(() => Toegang.MagLezen(Als(Organisatie.Operator), ots));
        Assert.Throws<GeenToegangException>(() => Toegang.MagLezen(Als(Organisatie.Gemeente("GM0106")), ots));
    }

    [Fact]
    public void The_receiving_GI_reads_while_the_handover_grants_it_and_not_after()
    {
        var ots = Bouw.Maatregel(gi: "JBN");
        var overdracht = Guid.NewGuid();

        Assert.True(ots.VerleenInzage("WSS", overdracht, DateTime.UtcNow));
        Assert.False(ots.VerleenInzage("WSS", overdracht, DateTime.UtcNow));
        Toegang.MagLezen(Als(Organisatie.Gi("WSS")), ots);
        Assert.Throws<GeenToegangException>(() => Toegang.MagBeschikkingVastleggen(Als(Organisatie.Gi("WSS")), ots));

        ots.TrekInzageIn(overdracht, DateTime.UtcNow);
        Assert.Throws<GeenToegangException>(() => Toegang.MagLezen(Als(Organisatie.Gi("WSS")), ots));
    }

    [Fact]
    public void Only_the_overdracht_service_moves_responsibility()
    {
        Toegang.MagOverdragen(Als(Organisatie.Dienst("overdracht")));
        Assert.Throws<GeenToegangException>(() => Toegang.MagOverdragen(Als(Organisatie.Gi("JBN"))));
        Assert.Throws<GeenToegangException>(() => Toegang.MagOverdragen(Als(Organisatie.Operator)));
        Assert.Throws<GeenToegangException>(() => Toegang.MagOverdragen(Als(Organisatie.Dienst("capaciteit"))));
    }

    [Fact]
    public void The_RvdK_registers_for_any_GI_a_GI_only_for_itself()
    {
        Toegang.MagRegistreren(Als(Organisatie.Rvdk), "WSS");
        Toegang.MagRegistreren(Als(Organisatie.Gi("JBN")), "JBN");
        Assert.Throws<GeenToegangException>(() => Toegang.MagRegistreren(Als(Organisatie.Gi("JBN")), "WSS"));
        Assert.Throws<GeenToegangException>(() => Toegang.MagRegistreren(Als(Organisatie.Operator), "JBN"));
    }
}
