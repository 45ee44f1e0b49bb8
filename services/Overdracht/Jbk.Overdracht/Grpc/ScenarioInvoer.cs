using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;
using Jbk.Overdracht.Processen;
using Jbk.Overdracht.Scenarios;
using Jbk.Overdracht.V1;
using Jbk.Planning;

namespace Jbk.Overdracht.Grpc;

/// <summary>Reads a scenario request, naming the field when something is wrong.</summary>
internal static class ScenarioInvoer
{
    public static ScenarioAanvraag Lees(PlanScenarioRequest r)
    {
        var verzender = GiCode.Vereis(r.VerzendendeGi, "verzendende_gi");
        var regios = r.Regios.Select(x => x.Trim().ToLowerInvariant()).Where(x => x.Length > 0).Distinct().ToList();
        if (regios.Count == 0) throw new OngeldigeInvoerException("regios", "Noem ten minste één regio waaruit de maatregelen vertrekken.");
        if (r.Ontvangers.Count == 0) throw new OngeldigeInvoerException("ontvangers", "Noem ten minste één ontvangende GI.");
        var ontvangers = r.Ontvangers.Select(o =>
        {
            var gi = GiCode.Vereis(o.GiCode, "ontvangers.gi_code");
            if (gi == verzender) throw new OngeldigeInvoerException("ontvangers.gi_code", $"{gi} is de verzendende GI en kan niet ontvangen.");
            if (o.WekelijkseLimiet < 1) throw new OngeldigeInvoerException("ontvangers.wekelijkse_limiet", $"Geef {gi} een weeklimiet van ten minste 1.");
            if (o.HasPlafond && o.Plafond < 1)
                throw new OngeldigeInvoerException("ontvangers.plafond", $"Geef {gi} een plafond van ten minste 1, of geen: dan bepaalt de vrije capaciteit in capaciteit hoeveel {gi} kan nemen.");
            return (gi, o.WekelijkseLimiet, o.HasPlafond ? o.Plafond : (int?)null);
        }).ToList();
        if (ontvangers.Select(o => o.gi).Distinct().Count() != ontvangers.Count)
            throw new OngeldigeInvoerException("ontvangers", "Elke ontvangende GI komt één keer voor.");
        var start = r.Start.ToDateOnly() ?? throw new OngeldigeInvoerException("start", "De startdatum ontbreekt of bestaat niet.");
        // Absent: the end of the sender's beëindigingscertificaat (Afbouwtermijn, once capaciteit has been asked).
        var deadline = r.Deadline is null ? (DateOnly?)null
            : r.Deadline.ToDateOnly() ?? throw new OngeldigeInvoerException("deadline", "De deadline is geen bestaande datum.");
        if (deadline <= start) throw new OngeldigeInvoerException("deadline", $"De deadline {deadline:yyyy-MM-dd} ligt niet na de start {start:yyyy-MM-dd}.");
        if (r.RechtbankPerWeek < 1) throw new OngeldigeInvoerException("rechtbank_per_week", "Zeg hoeveel omzettingen de rechtbank per week aankan (ten minste 1).");
        var medewerkers = r.MeegaandeMedewerkers.Select(m =>
        {
            if (string.IsNullOrWhiteSpace(m.Jeugdbeschermer)) throw new OngeldigeInvoerException("meegaande_medewerkers.jeugdbeschermer", "Noem de jeugdbeschermer.");
            var naar = GiCode.Vereis(m.NaarGi, "meegaande_medewerkers.naar_gi");
            if (ontvangers.All(o => o.gi != naar))
                throw new OngeldigeInvoerException("meegaande_medewerkers.naar_gi", $"{naar} is geen ontvanger in dit scenario.");
            return new MeegaandeMedewerker(m.Jeugdbeschermer.Trim(), naar);
        }).ToList();
        if (r.HerplanreserveProcent is < 0 or > 50)
            throw new OngeldigeInvoerException("herplanreserve_procent", "De herplanreserve is een percentage van 0 tot en met 50.");
        return new ScenarioAanvraag(verzender, regios, ontvangers, start, deadline, medewerkers, r.RechtbankPerWeek, r.HerplanreserveProcent / 100.0);
    }
}
