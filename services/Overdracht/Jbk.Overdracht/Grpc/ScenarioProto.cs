using Google.Protobuf.WellKnownTypes;
using Jbk.Contracts;
using Jbk.Overdracht.Scenarios;
using Jbk.Overdracht.V1;
using Domein = Jbk.Overdracht.Scenarios;
using Jbk.Planning;

namespace Jbk.Overdracht.Grpc;

/// <summary>The scenario's reports in their gRPC form.</summary>
internal static class ScenarioProto
{
    public static V1.DryRun DryRun(ScenarioUitvoering u, IReadOnlyList<ScenarioPlaatsing> rijen)
    {
        var s = u.Definitie;
        var plan = new Plan(rijen.Select(p => p.AlsToewijzing()).OfType<Toewijzing>().ToList(),
            rijen.Where(p => p.Status == PlaatsingStatus.NietPlaatsbaar).Select(p => new NietPlaatsbaar(p.MaatregelId, p.GezinId, p.Type, p.NietPlaatsbaarReden ?? "")).ToList(),
            s.AantalWeken);
        var d = Jbk.Planning.DryRun.Maak(s, plan, rijen.Select(p => p.AlsTePlaatsen()).ToList());
        var proto = new V1.DryRun
        {
            ScenarioId = u.Id.ToString(), VerzendendeGi = d.VerzendendeGi, Start = d.Start.ToProto(), Deadline = d.Deadline.ToProto(),
            AantalMaatregelen = d.AantalMaatregelen, AantalGezinnen = d.AantalGezinnen, DeadlineGehaald = d.DeadlineGehaald,
            LaatsteOmzetweek = d.LaatsteOmzetweek?.ToProto(), Wisselingen = d.Wisselingen, GemarkeerdeTermijnen = d.GemarkeerdeTermijnen,
            Kwaliteit = Kwaliteit(u, Plandoel.Score(s, plan, PlanGewichten.Standaard)),
        };
        proto.Ontvangers.AddRange(d.Ontvangers.Select(o =>
        {
            var ontvanger = new DryRunOntvanger { GiCode = o.GiCode, VrijVoor = o.VrijVoor, Ontvangen = o.Ontvangen, VrijNa = o.VrijNa, WekelijkseLimiet = o.WekelijkseLimiet };
            if (o.Plafond is { } plafond) ontvanger.Plafond = plafond;
            return ontvanger;
        }));
        proto.Weken.AddRange(d.Weken.Select(w =>
        {
            var week = new DryRunWeek { Week = w.Week, WeekVan = w.WeekVan.ToProto(), NaarGi = w.Naar, Totaal = w.Totaal };
            week.PerType.AddRange(w.PerType.Select(t => new AantalPerType { Type = t.Key.ToProto(), Aantal = t.Value }));
            return week;
        }));
        proto.Rechtbank.AddRange(d.Rechtbank.Select(r => new DryRunRechtbank { Week = r.Week, WeekVan = r.WeekVan.ToProto(), Aantal = r.Aantal, Maximum = r.Maximum }));
        proto.NietPlaatsbaar.AddRange(d.NietPlaatsbaar.Select(n => new NietPlaatsbareMaatregel
        {
            MaatregelId = n.MaatregelId.ToString(), GezinId = n.GezinId.ToString(), Type = n.Type.ToProto(), Reden = n.Reden,
        }));
        return proto;
    }

    /// <summary>The solve's figures as stored; the counts from the plan as it stands (they do not depend on the weights).</summary>
    private static Plankwaliteit Kwaliteit(ScenarioUitvoering u, Doelwaarde nu)
    {
        var k = new Plankwaliteit
        {
            Methode = u.Planmethode == Jbk.Planning.Planmethode.Optimaal ? V1.Planmethode.Optimaal : V1.Planmethode.Gretig, Score = u.PlanScore,
            Toelichting = u.PlanToelichting, JeugdbeschermerGevolgd = nu.JeugdbeschermerGevolgd, TermijnVoorOmzetting = nu.TermijnVoorOmzetting,
            UitReserve = nu.UitReserve, Regionaal = nu.Regionaal,
        };
        if (u.PlanGrens is { } grens)
        {
            k.Grens = grens;
            k.Gap = grens == 0 ? 0 : Math.Max(0, (double)(grens - u.PlanScore) / Math.Abs(grens));
        }
        return k;
    }

    public static ScenarioVoortgang Voortgang(Guid id, Domein.Voortgang v)
    {
        var proto = new ScenarioVoortgang
        {
            ScenarioId = id.ToString(), Status = (V1.ScenarioStatus)(int)v.Status, AantalWeken = v.AantalWeken, GestarteWeek = v.GestarteWeek,
            Totaal = v.Totaal, Gepland = v.Gepland, InBehandeling = v.InBehandeling, Omgezet = v.Omgezet, Voltooid = v.Voltooid,
            NietPlaatsbaar = v.NietPlaatsbaar, Weigeringen = v.Weigeringen, GeweigerdeMaatregelen = v.GeweigerdeMaatregelen, Vastgelopen = v.Vastgelopen,
            Beeindigd = v.Beeindigd, WachtOpAanvraag = v.WachtOpAanvraag,
        };
        proto.LopendeOverdrachten.AddRange(v.LopendeOverdrachten.Select(x => x.ToString()));
        proto.VastgelopenOverdrachten.AddRange(v.VastgelopenOverdrachten.Select(x => x.ToString()));
        return proto;
    }

    public static V1.Continuiteitsrapport Rapport(Rapport r)
    {
        var proto = new V1.Continuiteitsrapport
        {
            ScenarioId = r.ScenarioId.ToString(), VerzendendeGi = r.VerzendendeGi, Afgerond = r.Afgerond, AlleRegelsGehaald = r.AlleRegelsGehaald,
            DeadlineGehaald = r.DeadlineGehaald,
        };
        proto.Regels.AddRange(r.Regels.Select(x => new V1.RapportRegel { Regel = x.Regel, Geslaagd = x.Geslaagd, Toelichting = x.Toelichting }));
        proto.Maatregelen.AddRange(r.Maatregelen.Select(m =>
        {
            var p = new V1.RapportMaatregel
            {
                MaatregelId = m.MaatregelId.ToString(), GezinId = m.GezinId.ToString(), Type = m.Type.ToProto(), OudeGi = m.OudeGi, NieuweGi = m.NieuweGi ?? "",
                Week = m.Week, OmgezetOp = m.OmgezetOpUtc is { } op ? Timestamp.FromDateTime(op) : null, VasteJeugdbeschermer = m.VasteJeugdbeschermer,
                WerkdagenTotVasteJeugdbeschermer = m.WerkdagenTotVast ?? 0, VolgtJeugdbeschermer = m.VolgtJeugdbeschermer,
                NietPlaatsbaarReden = m.NietPlaatsbaarReden ?? "",
            };
            p.VerantwoordelijkNu.AddRange(m.VerantwoordelijkNu);
            p.Weigeringen.AddRange(m.Weigeringen);
            return p;
        }));
        return proto;
    }
}
