using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>Every RPC declares who may call it, and docs/autorisatie.md is those declarations.</summary>
public sealed class AutorisatiebeleidTests
{
    internal static IReadOnlyList<RpcBeleid> Beleid { get; } = Autorisatiebeleid.Van(
        Jbk.Topologie.Topologie.Diensten.SelectMany(d => d.GrpcServices),
        [typeof(Jbk.Maatregelregistratie.Grpc.MaatregelGrpcService).Assembly, typeof(Jbk.Capaciteit.Grpc.CapaciteitGrpcService).Assembly,
         typeof(Jbk.Overdracht.Grpc.OverdrachtGrpcService).Assembly, typeof(Jbk.Clientenstop.Grpc.ClientenstopGrpcService).Assembly]);

    [Fact]
    public void Every_rpc_of_every_service_declares_who_may_call_it()
    {
        Assert.Equal(61, Beleid.Count);
        Assert.Empty(Beleid.Where(b => b.Wie == 0).Select(b => $"{b.Service}/{b.Rpc}"));
        Assert.Empty(Beleid.Where(b => string.IsNullOrWhiteSpace(b.Waarom)).Select(b => $"{b.Service}/{b.Rpc}"));
    }

    [Fact]
    public void The_documented_matrix_is_the_declared_one()
    {
        var pad = Path.Combine(Repo.Root, "docs", "autorisatie.md");
        var inhoud = Autorisatiebeleid.Markdown(Beleid);
        if (Environment.GetEnvironmentVariable("JBK_SCHRIJF_DOCS") == "1") File.WriteAllText(pad, inhoud);
        Assert.True(File.Exists(pad) && File.ReadAllText(pad) == inhoud,
            $"{pad} wijkt af van de [Mag]-declaraties: JBK_SCHRIJF_DOCS=1 dotnet test tests/Jbk.UnitTests --filter Autorisatie");
    }

    /// <summary>The intended policy of the chain, in the words of the issue, held against the declarations.</summary>
    [Theory]
    [InlineData("VraagOverdrachtAan", Betrokkene.AndereGi, false)] // an uninvolved GI does not hand over another GI's measure
    [InlineData("VraagOverdrachtAan", Betrokkene.Operator, false)]
    [InlineData("RegistreerRegiocontract", Betrokkene.AndereGemeente, false)] // Amsterdam contracts nobody in Drenthe
    [InlineData("RegistreerRegiocontract", Betrokkene.GemeenteVanDeRegio, true)]
    [InlineData("MaakBezwaar", Betrokkene.DienstOverdracht, false)] // service accounts do not object
    [InlineData("MaakBezwaar", Betrokkene.AndereGi, true)]
    [InlineData("DienVerzoekBijRechterIn", Betrokkene.Operator, false)] // the operator acts on no single handover
    [InlineData("LegRechterlijkBesluitVast", Betrokkene.Operator, false)]
    [InlineData("ZetOm", Betrokkene.Operator, false)]
    [InlineData("AnnuleerOverdracht", Betrokkene.Operator, false)]
    [InlineData("GeefOverdracht", Betrokkene.Operator, false)] // nor sees personal data
    [InlineData("GeefMaatregelStand", Betrokkene.OntvangendeGi, true)]
    [InlineData("DraagVerantwoordelijkheidOver", Betrokkene.EigenGi, false)] // only dienst:overdracht moves responsibility
    [InlineData("DraagVerantwoordelijkheidOver", Betrokkene.DienstOverdracht, true)]
    [InlineData("DraagOverdrachtOver", Betrokkene.EigenGi, false)] // a switch of a whole handover, only by dienst:overdracht
    [InlineData("DraagOverdrachtOver", Betrokkene.DienstOverdracht, true)]
    [InlineData("GeefGezinsmaatregelen", Betrokkene.Rvdk, false)] // whole families across GIs: only for the continuity checks
    [InlineData("GeefGezinsmaatregelen", Betrokkene.DienstOverdracht, true)]
    [InlineData("LeesDossier", Betrokkene.Rvdk, false)] // the RvdK sees no dossiers
    [InlineData("VraagBeschikbaarheid", Betrokkene.Rvdk, true)]
    [InlineData("RegistreerMaatregel", Betrokkene.Rvdk, true)]
    [InlineData("PlanScenario", Betrokkene.Operator, true)]
    [InlineData("KeurStopGoed", Betrokkene.AndereGemeente, false)]
    public void The_declarations_hold_the_intended_policy(string rpc, Betrokkene wie, bool mag)
    {
        foreach (var b in Beleid.Where(b => b.Rpc == rpc))
            Assert.True(b.Wie.HasFlag(wie) == mag, $"{b.Service}/{rpc} voor {Betrokkenen.Naam(wie)}: verwacht {(mag ? "toegestaan" : "geweigerd")}");
    }

    [Fact]
    public void No_rpc_with_personal_data_is_open_to_the_operator_or_a_gemeente_except_the_access_log_and_scenario_reports()
    {
        var open = Beleid.Where(b => b.Persoonsgegevens && (b.Wie & (Betrokkene.ElkeGemeente | Betrokkene.Privacyfunctionaris)) != 0);
        Assert.Empty(open.Select(b => b.Rpc));
        var operatorLeest = Beleid.Where(b => b.Persoonsgegevens && b.Wie.HasFlag(Betrokkene.Operator)).Select(b => b.Rpc).Order();
        Assert.Equal(["GeefContinuiteitsrapport"], operatorLeest);
    }

    [Theory]
    [InlineData("gi:JBN", Betrokkene.ElkeGi)]
    [InlineData("gemeente:GM0106", Betrokkene.ElkeGemeente)]
    [InlineData("privacyfunctionaris", Betrokkene.Privacyfunctionaris)]
    [InlineData("dienst:overdracht", Betrokkene.DienstOverdracht)]
    public void An_organisation_can_only_be_the_betrokkenen_of_its_kind(string org, Betrokkene mogelijk) =>
        Assert.Equal(mogelijk, Betrokkenen.Mogelijk(Organisatie.Parse(org)));

    [Theory]
    [InlineData("gemeente:GM0106", "drenthe", Betrokkene.GemeenteVanDeRegio)] // Assen
    [InlineData("gemeente:GM0363", "drenthe", Betrokkene.AndereGemeente)] // Amsterdam
    [InlineData("gi:JBN", "drenthe", Betrokkene.AndereGi)]
    public void A_gemeente_is_of_the_region_only_when_the_jeugdregio_table_says_so(string org, string regio, Betrokkene relatie) =>
        Assert.Equal(relatie, Relatie.Tot(Organisatie.Parse(org), "JBF", [regio]));
}
