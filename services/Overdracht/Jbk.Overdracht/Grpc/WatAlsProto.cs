using Jbk.Contracts;
using Jbk.Overdracht.V1;
using Domein = Jbk.Planning.WatAls;

namespace Jbk.Overdracht.Grpc;

/// <summary>The what-if comparison in its gRPC form.</summary>
internal static class WatAlsProto
{
    public static SimuleerWatAlsResponse Antwoord(Domein.WatAlsInvoer i, IEnumerable<string> aannames, IEnumerable<Domein.WatAlsUitkomst> uitkomsten)
    {
        var invoer = new WatAlsInvoer
        {
            VerzendendeGi = i.Zender, Start = i.Start.ToProto(), Weken = i.Weken, WachtendNu = i.WachtendNu, InstroomPerWeek = i.InstroomPerWeek,
            GemiddeldeDuurWeken = i.GemiddeldeDuurWeken,
        };
        invoer.EindweekLopend.AddRange(i.EindweekLopend.Select(w => w ?? -1));
        invoer.Gis.AddRange(i.Gis.Select(g => new WatAlsGi
        {
            GiCode = g.GiCode, Fte = g.Fte, Norm = g.Norm, EigenCaseload = g.EigenCaseload, VerloopPerWeek = g.VerloopPerWeek, WervingFtePerWeek = g.WervingFtePerWeek,
        }));
        var antwoord = new SimuleerWatAlsResponse { Invoer = invoer, Aannames = { aannames } };
        antwoord.Scenarios.AddRange(uitkomsten.Select(u =>
        {
            var s = u.Samenvatting;
            var scenario = new WatAlsScenarioUitkomst
            {
                Code = u.Scenario.Code, Naam = u.Scenario.Naam, Omschrijving = u.Scenario.Omschrijving,
                Samenvatting = new WatAlsSamenvatting
                {
                    ZonderVasteJeugdbeschermerPiek = s.ZonderVasteJeugdbeschermerPiek, PiekWeek = s.PiekWeek, ZonderVasteJeugdbeschermerEinde = s.ZonderVasteJeugdbeschermerEinde,
                    GemiddeldeWachtweken = s.GemiddeldeWachtweken, WisselingenTotaal = s.WisselingenTotaal, ZonderCertificaatPiek = s.ZonderCertificaatPiek,
                    ZonderCertificaatMaatregelweken = s.ZonderCertificaatMaatregelweken, OverbelasteGiWeken = s.OverbelasteGiWeken,
                    OverdrachtenTotaal = s.OverdrachtenTotaal, DoorLokaleTeams = s.DoorLokaleTeams,
                },
            };
            scenario.Weken.AddRange(u.Weken.Select(w => new WatAlsWeek
            {
                Week = w.Week, GiCode = w.GiCode, Caseload = w.Caseload, Capaciteit = w.Capaciteit, ZonderVasteJeugdbeschermer = w.ZonderVasteJeugdbeschermer,
                GemiddeldeWachtweken = w.GemiddeldeWachtweken, Ontvangen = w.Ontvangen, Wisselingen = w.Wisselingen, ZonderCertificaat = w.ZonderCertificaat, Fte = w.Fte,
            }));
            return scenario;
        }));
        return antwoord;
    }
}
