using Jbk.BuildingBlocks.Persistence;
using Jbk.Contracts;
using Jbk.Overdracht.V1;
using Jbk.Planning;

namespace Jbk.Simulatie;

/// <summary>A scenario as the platform is asked to plan it.</summary>
public static class ScenarioAanvragen
{
    /// <summary>The request for a scenario definition; the platform adds the caseload, free capacity and certificates itself.</summary>
    public static PlanScenarioRequest Van(Guid id, Scenario s, ScenarioTempo tempo)
    {
        var request = new PlanScenarioRequest
        {
            ScenarioId = id.ToString(), VerzendendeGi = s.VerzendendeGi, Start = s.Start.ToProto(), Deadline = s.Deadline.ToProto(),
            RechtbankPerWeek = s.RechtbankPerWeek, Tempo = tempo, HerplanreserveProcent = (int)Math.Round(s.Herplanreserve * 100),
        };
        request.Regios.AddRange(s.Regios);
        foreach (var o in s.Ontvangers)
        {
            var ontvanger = new ScenarioOntvanger { GiCode = o.GiCode, WekelijkseLimiet = o.WekelijkseLimiet };
            if (o.Plafond is { } plafond) ontvanger.Plafond = plafond;
            request.Ontvangers.Add(ontvanger);
        }
        request.MeegaandeMedewerkers.AddRange(s.MeegaandeMedewerkers.Select(m => new ScenarioMedewerker { Jeugdbeschermer = m.JeugdbeschermerId, NaarGi = m.NaarGi }));
        return request;
    }

    /// <summary>The same scenario gets the same id, so later commands find it without being told.</summary>
    public static Guid Id(string naam, DateOnly start) =>
        AfgeleidId.Van($"scenario:{naam}:{start:yyyy-MM-dd}");
}
