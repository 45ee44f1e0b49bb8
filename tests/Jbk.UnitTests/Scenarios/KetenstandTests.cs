using Jbk.Capaciteit.Domain;
using Jbk.Overdracht.Scenarios;
using Jbk.Simulatie;

namespace Jbk.UnitTests.Scenarios;

/// <summary>
/// The rehearsal's receivers: what capaciteit computes from the staffing and caseload they report is the free capacity
/// the Drenthe scenario plans with when there is no platform; no ceiling of the scenario's own binds.
/// </summary>
public sealed class KetenstandTests
{
    [Fact]
    public void The_scenario_plans_offline_with_the_free_capacity_capaciteit_computes_from_the_reported_figures()
    {
        var scenario = DrentheScenario.Scenario(new DateOnly(2026, 1, 5));
        var gewichten = new Gewichten();

        foreach (var r in Ketenstand.Drenthe)
        {
            var bezetting = new Bezetting { GiCode = r.GiCode, FteTotaal = r.Fte, FteZiek = r.FteZiek, FteInOpleiding = r.FteInOpleiding, Norm = 15m, OpleidingsFactor = 0.5m };
            var regels = r.Caseload.Select(c => new CaseloadRegel { GiCode = r.GiCode, Regio = c.Regio, Type = c.Type, Gerapporteerd = c.Aantal, InPlatform = 0 }).ToList();
            var vrij = bezetting.Capaciteit - Caseloadrapportage.GewogenBuitenPlatform(regels, gewichten);

            var ontvanger = scenario.Ontvangers.Single(o => o.GiCode == r.GiCode);
            Assert.Equal(vrij, ontvanger.VrijeCapaciteit);
            Assert.Null(ontvanger.Plafond);
        }
        Assert.Equal(scenario.Ontvangers.Select(o => o.GiCode).Order(), Ketenstand.Drenthe.Select(r => r.GiCode).Order());
    }
}
