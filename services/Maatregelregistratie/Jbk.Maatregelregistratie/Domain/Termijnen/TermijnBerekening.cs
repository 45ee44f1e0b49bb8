using Jbk.Contracts;

using Jbk.BuildingBlocks.Kalender;

namespace Jbk.Maatregelregistratie.Domain.Termijnen;

/// <summary>Which deadlines a running measure has, and which of them are met. No I/O: the rules as the normenkader and the law state them.</summary>
public sealed class TermijnBerekening(Func<MaatregelOpties> huidigeOpties, Werkdagen werkdagen)
{
    public TermijnBerekening(MaatregelOpties opties, Werkdagen werkdagen) : this(() => opties, werkdagen) { }

    public IReadOnlyList<Termijn> Bereken(Maatregel m)
    {
        var opties = huidigeOpties(); // the normenkader as configured now (it may change while the process runs)
        if (!m.IsLopend) return [];
        // Normenkader milestones run from the moment the current GI got the case: a handover starts them anew.
        var toegewezen = DateOnly.FromDateTime(m.HuidigeVerantwoordelijkheid.VanUtc);
        var gi = m.VerantwoordelijkeGi;
        DateOnly? Gedaan(DateOnly vanaf, params MijlpaalSoort[] soorten) => m.Mijlpalen
            .Where(x => soorten.Contains(x.Soort) && x.Datum >= vanaf && x.GiCode == gi)
            .Select(x => (DateOnly?)x.Datum).Min();

        var termijnen = new List<Termijn>
        {
            new(TermijnSoort.EersteContact, werkdagen.Na(toegewezen, opties.EersteContactWerkdagen), Gedaan(toegewezen, MijlpaalSoort.EersteContact)),
            new(TermijnSoort.Veiligheidstaxatie, werkdagen.Na(toegewezen, opties.VeiligheidstaxatieWerkdagen), Gedaan(toegewezen, MijlpaalSoort.Veiligheidstaxatie)),
            new(TermijnSoort.PlanVanAanpak, toegewezen.AddDays(7 * opties.PlanVanAanpakWeken), Gedaan(toegewezen, MijlpaalSoort.PlanVanAanpak)),
        };
        if (m.Einddatum is { } einde)
        {
            termijnen.Add(new Termijn(TermijnSoort.Einddatum, einde, null));
            if (m.Type is MaatregelType.Ots or MaatregelType.Muhp)
            {
                // Met by a request or a notice made for the current end date, i.e. after it was last set.
                var sinds = m.Beschikkingen.Where(b => b.Soort == BeschikkingSoort.Verlengen).Select(b => (DateOnly?)b.Datum).Max() ?? m.Startdatum;
                termijnen.Add(new Termijn(TermijnSoort.BesluitVerlenging, einde.AddMonths(-opties.MeldingGeenVerlengingMaandenVoorEinde),
                    Gedaan(sinds, MijlpaalSoort.VerlengingsverzoekIngediend, MijlpaalSoort.RvdkGemeldGeenVerlenging)));
            }
        }
        if (m.Type == MaatregelType.Muhp)
            termijnen.Add(new Termijn(TermijnSoort.MuhpTenUitvoerLegging, m.Startdatum.AddMonths(opties.MuhpTenUitvoerLeggingMaanden),
                Gedaan(m.Startdatum, MijlpaalSoort.UithuisplaatsingUitgevoerd)));
        if (m.Type == MaatregelType.VoorlopigeVoogdij)
            termijnen.Add(new Termijn(TermijnSoort.VoorlopigeVoogdijVervalt, m.Startdatum.AddMonths(opties.VoorlopigeVoogdijMaanden),
                Gedaan(m.Startdatum, MijlpaalSoort.GezagsbeeindigingVerzocht)));
        return termijnen;
    }
}
