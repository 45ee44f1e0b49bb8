using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.V1;

namespace Jbk.Simulatie;

/// <summary>How to reach each service as a given organisation (embedded: one address; distributed: one per service).</summary>
public sealed record Kanalen(
    Func<Organisatie, CallInvoker> Maatregelregistratie, Func<Organisatie, CallInvoker> Capaciteit, Func<Organisatie, CallInvoker> Overdracht)
{
    public MaatregelService.MaatregelServiceClient Maatregelen(Organisatie org) => new(Maatregelregistratie(org));
    public CapaciteitService.CapaciteitServiceClient CapaciteitClient(Organisatie org) => new(Capaciteit(org));
    public OverdrachtService.OverdrachtServiceClient Overdrachten(Organisatie org) => new(Overdracht(org));
    public ScenarioService.ScenarioServiceClient Scenarios(Organisatie org) => new(Overdracht(org));
}
