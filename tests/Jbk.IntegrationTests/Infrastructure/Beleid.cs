using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>The platform's declared authorization policy, and one caller for each kind of betrokkene.</summary>
internal static class Beleid
{
    public static readonly IReadOnlyList<RpcBeleid> Rpcs = Autorisatiebeleid.Van(
        Jbk.Topologie.Topologie.Diensten.SelectMany(d => d.GrpcServices),
        [typeof(Jbk.Maatregelregistratie.Grpc.MaatregelGrpcService).Assembly, typeof(Jbk.Capaciteit.Grpc.CapaciteitGrpcService).Assembly,
         typeof(Jbk.Overdracht.Grpc.OverdrachtGrpcService).Assembly, typeof(Jbk.Clientenstop.Grpc.ClientenstopGrpcService).Assembly]);

    /// <summary>JBN owns the measure, sends the handover and proposes the stop; WSS receives; JBF has no part.</summary>
    public static readonly IReadOnlyList<(Betrokkene Als, Organisatie Org)> Actoren =
    [
        (Betrokkene.EigenGi, Organisatie.Gi("JBN")), (Betrokkene.OntvangendeGi, Organisatie.Gi("WSS")), (Betrokkene.AndereGi, Organisatie.Gi("JBF")),
        (Betrokkene.Rvdk, Organisatie.Rvdk), (Betrokkene.GemeenteVanDeRegio, Organisatie.Gemeente("GM0106")),
        (Betrokkene.AndereGemeente, Organisatie.Gemeente("GM0363")), (Betrokkene.Operator, Organisatie.Operator),
        (Betrokkene.Privacyfunctionaris, Organisatie.Privacyfunctionaris),
        (Betrokkene.DienstMaatregelregistratie, Organisatie.Dienst("maatregelregistratie")), (Betrokkene.DienstCapaciteit, Organisatie.Dienst("capaciteit")),
        (Betrokkene.DienstOverdracht, Organisatie.Dienst("overdracht")), (Betrokkene.DienstClientenstop, Organisatie.Dienst("clientenstop")),
    ];

    /// <summary>The first caller the RPC admits (so a request is judged on its content, not refused at the door).</summary>
    public static Organisatie EersteToegelaten(RpcBeleid rpc) => Actoren.First(a => rpc.Wie.HasFlag(a.Als)).Org;
}
