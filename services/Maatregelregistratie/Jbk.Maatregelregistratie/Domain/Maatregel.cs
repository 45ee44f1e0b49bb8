using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;
using Jbk.Contracts.Events;

namespace Jbk.Maatregelregistratie.Domain;

/// <summary>
/// A measure imposed on one child: its court decisions, the GI responsible over time, the case worker,
/// and the milestones done. Every change goes through a method here that checks the rule and returns the
/// event others need; nothing else changes a measure.
/// </summary>
public sealed class Maatregel
{
    private Maatregel() { }

    public Guid Id { get; private set; }
    public string IdempotentieSleutel { get; private set; } = "";
    public MaatregelType Type { get; private set; }
    /// <summary>For jeugdreclassering: toezicht-en-begeleiding, itb, stp, ...</summary>
    public string? JrVariant { get; private set; }
    public Guid JeugdigeId { get; private set; }
    public Guid GezinId { get; private set; }
    /// <summary>For an MUHP: the OTS it belongs to.</summary>
    public Guid? OtsId { get; private set; }
    public string Regio { get; private set; } = "";
    public DateOnly Startdatum { get; private set; }
    /// <summary>Exclusive: the measure runs up to, not including, this day.</summary>
    public DateOnly? Einddatum { get; private set; }
    public MaatregelStatus Status { get; private set; }
    public DateOnly? BeeindigdOp { get; private set; }
    public string? Beeindigingsreden { get; private set; }
    public DateTime GeregistreerdOpUtc { get; private set; }
    /// <summary>Optimistic concurrency: two changes of one measure at once cannot both win.</summary>
    public int Versie { get; private set; }
    public List<Beschikking> Beschikkingen { get; private set; } = [];
    public List<Verantwoordelijkheid> Verantwoordelijkheden { get; private set; } = [];
    public List<Toewijzing> Toewijzingen { get; private set; } = [];
    public List<Mijlpaal> Mijlpalen { get; private set; } = [];
    public List<Inzage> Inzagen { get; private set; } = [];

    /// <summary>Whether <paramref name="giCode"/> may read this measure as the receiving GI of an open handover.</summary>
    public bool HeeftInzage(string giCode) => Inzagen.Any(i => i.IngetrokkenOpUtc is null && string.Equals(i.GiCode, giCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>Idempotent: the same handover granting again changes nothing.</summary>
    internal bool VerleenInzage(string giCode, Guid overdrachtId, DateTime nuUtc)
    {
        if (Inzagen.Any(i => i.OverdrachtId == overdrachtId)) return false;
        Inzagen.Add(new Inzage { GiCode = giCode, OverdrachtId = overdrachtId, VerleendOpUtc = nuUtc });
        return true;
    }

    internal bool TrekInzageIn(Guid overdrachtId, DateTime nuUtc)
    {
        var open = Inzagen.Where(i => i.OverdrachtId == overdrachtId && i.IngetrokkenOpUtc is null).ToList();
        foreach (var i in open) i.IngetrokkenOpUtc = nuUtc;
        return open.Count > 0;
    }

    public bool IsLopend => Status == MaatregelStatus.Lopend;
    public Verantwoordelijkheid HuidigeVerantwoordelijkheid => Verantwoordelijkheden.OrderBy(v => v.VanUtc).Last();
    /// <summary>The GI responsible now (for an ended measure: the last one). Kept with the timeline, stored for queries.</summary>
    public string VerantwoordelijkeGi { get; private set; } = "";
    public Toewijzing? HuidigeToewijzing => Toewijzingen.Where(t => t.Tot is null).OrderBy(t => t.Van).LastOrDefault();
    public bool HeeftVasteJeugdbeschermer => HuidigeToewijzing?.Soort == ToewijzingSoort.Vast;

    internal void VerhoogVersie() => Versie++;

    public static DateTime Moment(DateOnly dag) => dag.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The GI responsible at <paramref name="momentUtc"/>, or null outside the measure's life.</summary>
    public string? VerantwoordelijkeOp(DateTime momentUtc) =>
        Verantwoordelijkheden.SingleOrDefault(v => v.VanUtc <= momentUtc && (v.TotUtc is null || momentUtc < v.TotUtc))?.GiCode;

    internal static (Maatregel, MaatregelGeregistreerd) Registreer(
        MaatregelInvoer invoer, Jeugdige jeugdige, Maatregel? ots, Beschikking? beschikking, MaatregelOpties opties, DateTime nuUtc)
    {
        var einde = invoer.Einddatum;
        if (invoer.Type != MaatregelType.Jeugdreclassering && invoer.Startdatum >= jeugdige.Wordt18)
            throw new RegelGeschondenException(Regels.MinderjarigBijStart,
                "Een jeugdbeschermingsmaatregel kan alleen starten vóór de jeugdige 18 wordt.");
        switch (invoer.Type)
        {
            case MaatregelType.Ots:
                if (einde is null)
                    throw new OngeldigeInvoerException("einddatum", "Een OTS heeft een einddatum: de rechter legt haar op voor ten hoogste een jaar.");
                if (einde > invoer.Startdatum.AddMonths(opties.OtsMaximaalMaanden))
                    throw new RegelGeschondenException(Regels.OtsMaximaalEenJaar,
                        $"Een OTS duurt ten hoogste {opties.OtsMaximaalMaanden} maanden; {einde:yyyy-MM-dd} ligt verder.");
                break;
            case MaatregelType.VoorlopigeOts:
            case MaatregelType.VoorlopigeVoogdij:
                var grens = invoer.Startdatum.AddMonths(invoer.Type == MaatregelType.VoorlopigeOts
                    ? opties.VoorlopigeOtsMaximaalMaanden : opties.VoorlopigeVoogdijMaanden);
                einde ??= grens; // the law sets it: a voorlopige maatregel lapses after its term
                if (einde > grens)
                    throw new RegelGeschondenException(Regels.VoorlopigeMaatregelMaximaalDrieMaanden,
                        $"Een voorlopige maatregel duurt ten hoogste tot {grens:yyyy-MM-dd}.");
                break;
            case MaatregelType.Muhp:
                ControleerMuhpBinnenOts(invoer.Startdatum, einde, invoer.GiCode, jeugdige.Id, ots);
                if (einde is null)
                    throw new OngeldigeInvoerException("einddatum", "Een MUHP heeft een einddatum.");
                if (einde > invoer.Startdatum.AddMonths(opties.MuhpMaximaalMaanden))
                    throw new RegelGeschondenException(Regels.MuhpMaximaalEenJaar,
                        $"Een MUHP wordt per beschikking verleend voor ten hoogste {opties.MuhpMaximaalMaanden} maanden; {einde:yyyy-MM-dd} ligt verder.");
                break;
            case MaatregelType.Voogdij:
                einde ??= jeugdige.Wordt18; // voogdij ends by law when the child comes of age
                break;
        }

        ControleerMeerderjarigheid(invoer.Type, einde, jeugdige.Wordt18);
        ControleerBeschikking(beschikking, DateOnly.FromDateTime(nuUtc));

        var maatregel = new Maatregel
        {
            Id = Guid.NewGuid(),
            IdempotentieSleutel = invoer.IdempotentieSleutel,
            Type = invoer.Type,
            JrVariant = invoer.JrVariant,
            JeugdigeId = jeugdige.Id,
            GezinId = jeugdige.GezinId,
            OtsId = ots?.Id,
            Regio = invoer.Regio,
            Startdatum = invoer.Startdatum,
            Einddatum = einde,
            Status = MaatregelStatus.Lopend,
            VerantwoordelijkeGi = invoer.GiCode,
            GeregistreerdOpUtc = nuUtc,
            Verantwoordelijkheden = [new Verantwoordelijkheid { GiCode = invoer.GiCode, VanUtc = Moment(invoer.Startdatum) }],
        };
        if (beschikking is not null) maatregel.Beschikkingen.Add(beschikking);
        return (maatregel, new MaatregelGeregistreerd(maatregel.Id, maatregel.Type, invoer.GiCode, maatregel.Regio, maatregel.Startdatum, einde)
        {
            JeugdigeId = maatregel.JeugdigeId,
            GezinId = maatregel.GezinId,
        });
    }

    /// <summary>MuhpBinnenOts: an MUHP lives inside a running OTS of the same child, carried out by the same GI.</summary>
    internal static void ControleerMuhpBinnenOts(DateOnly start, DateOnly? einde, string giCode, Guid jeugdigeId, Maatregel? ots)
    {
        if (ots is null)
            throw new RegelGeschondenException(Regels.MuhpBinnenOts, "Een MUHP kan alleen binnen een OTS: noem de OTS (ots_id) waar zij bij hoort.");
        if (ots.Type is not (MaatregelType.Ots or MaatregelType.VoorlopigeOts))
            throw new RegelGeschondenException(Regels.MuhpBinnenOts, $"Maatregel {ots.Id} is geen OTS maar {ots.Type}.");
        if (ots.JeugdigeId != jeugdigeId)
            throw new RegelGeschondenException(Regels.MuhpBinnenOts, "De MUHP en de OTS horen bij verschillende jeugdigen.");
        if (!ots.IsLopend || start < ots.Startdatum || (ots.Einddatum is { } otsEinde && start >= otsEinde))
            throw new RegelGeschondenException(Regels.MuhpBinnenOts, $"De OTS loopt niet op de startdatum {start:yyyy-MM-dd} van de MUHP.");
        if (einde is not null && ots.Einddatum is { } eindeOts && einde > eindeOts)
            throw new RegelGeschondenException(Regels.MuhpBinnenOts,
                $"De MUHP kan niet langer lopen dan de OTS (tot {eindeOts:yyyy-MM-dd}).");
        if (!string.Equals(ots.VerantwoordelijkeGi, giCode, StringComparison.Ordinal))
            throw new RegelGeschondenException(Regels.MuhpBinnenOts,
                $"De MUHP wordt uitgevoerd door de GI van de OTS ({ots.VerantwoordelijkeGi}), niet door {giCode}.");
    }

    /// <summary>EindeUiterlijkBijMeerderjarigheid: a child-protection measure ends at the latest when the child turns 18 (JR has its own rules).</summary>
    internal static void ControleerMeerderjarigheid(MaatregelType type, DateOnly? einde, DateOnly wordt18)
    {
        if (type != MaatregelType.Jeugdreclassering && einde is { } e && e > wordt18)
            throw new RegelGeschondenException(Regels.EindeUiterlijkBijMeerderjarigheid,
                $"De maatregel eindigt uiterlijk op de 18e verjaardag van de jeugdige ({wordt18:yyyy-MM-dd}); {e:yyyy-MM-dd} ligt later.");
    }

    /// <summary>BeschikkingNietInDeToekomst: what the court decided, it decided on a day that has come.</summary>
    internal static void ControleerBeschikking(Beschikking? beschikking, DateOnly vandaag)
    {
        if (beschikking is not null && beschikking.Datum > vandaag)
            throw new RegelGeschondenException(Regels.BeschikkingNietInDeToekomst,
                $"De beschikking is gedateerd op {beschikking.Datum:yyyy-MM-dd}, na vandaag ({vandaag:yyyy-MM-dd}).");
    }

    /// <summary>
    /// An extension by the court. With the child's 18th birthday and today (as the service passes them) also:
    /// never past majority, never after the measure lapsed, never a decision dated in the future.
    /// </summary>
    internal MaatregelVerlengd Verleng(Beschikking beschikking, Maatregel? ots, MaatregelOpties opties, DateOnly? wordt18 = null, DateOnly? vandaag = null)
    {
        if (vandaag is { } dag && Einddatum is { } vervalt && dag >= vervalt && (IsLopend || IsVanRechtswegeGeeindigd))
            throw new RegelGeschondenException(Regels.GeenVerlengingNaVerval,
                $"De maatregel verviel op {vervalt:yyyy-MM-dd}; wat vervallen is, kan niet meer worden verlengd (een nieuwe maatregel is nodig).");
        VereisLopend("verlengen");
        if (vandaag is { } vandaagDag) ControleerBeschikking(beschikking, vandaagDag);
        if (Type is not (MaatregelType.Ots or MaatregelType.Muhp))
            throw new RegelGeschondenException(Regels.VerlengingAlleenOtsOfMuhp, $"Een {Type} kan niet worden verlengd; alleen een OTS of MUHP.");
        var nieuw = beschikking.Einddatum
            ?? throw new OngeldigeInvoerException("beschikking.einddatum", "Een verlenging noemt de nieuwe einddatum.");
        var huidig = Einddatum!.Value;
        if (nieuw <= huidig)
            throw new RegelGeschondenException(Regels.VerlengingNaHuidigeEinddatum,
                $"De nieuwe einddatum {nieuw:yyyy-MM-dd} ligt niet na de huidige {huidig:yyyy-MM-dd}.");
        if (nieuw > huidig.AddMonths(opties.VerlengingMaximaalMaanden))
            throw new RegelGeschondenException(Regels.VerlengingMaximaalEenJaar,
                $"De rechter verlengt telkens ten hoogste {opties.VerlengingMaximaalMaanden} maanden: uiterlijk tot {huidig.AddMonths(opties.VerlengingMaximaalMaanden):yyyy-MM-dd}.");
        if (Type == MaatregelType.Muhp) ControleerMuhpBinnenOts(Startdatum, nieuw, VerantwoordelijkeGi, JeugdigeId, ots);
        if (wordt18 is { } meerderjarig) ControleerMeerderjarigheid(Type, nieuw, meerderjarig);
        Einddatum = nieuw;
        Beschikkingen.Add(beschikking);
        return new MaatregelVerlengd(Id, VerantwoordelijkeGi, huidig, nieuw);
    }

    public const string VanRechtswegeReden = "Van rechtswege geëindigd: de einddatum is verstreken zonder verlenging.";

    public bool IsVanRechtswegeGeeindigd => Status == MaatregelStatus.Beeindigd && Beeindigingsreden == VanRechtswegeReden;

    /// <summary>
    /// EindigtVanRechtswege: a measure whose end date has come without an extension ends that day by law (voogdij on the
    /// 18th birthday, which is its end date). Null while it still runs or when it ended already.
    /// </summary>
    internal MaatregelBeeindigd? EindigVanRechtswege(DateOnly vandaag) =>
        IsLopend && Einddatum is { } einde && einde <= vandaag ? Beeindig(einde, VanRechtswegeReden, null) : null;

    internal MaatregelBeeindigd Beeindig(DateOnly datum, string reden, Beschikking? beschikking, DateOnly? vandaag = null)
    {
        VereisLopend("beëindigen");
        if (vandaag is { } dag) ControleerBeschikking(beschikking, dag);
        if (datum < Startdatum)
            throw new RegelGeschondenException(Regels.EindeNietVoorStart,
                $"De maatregel kan niet eindigen op {datum:yyyy-MM-dd}, vóór haar start op {Startdatum:yyyy-MM-dd}.");
        var moment = Moment(datum);
        if (moment <= HuidigeVerantwoordelijkheid.VanUtc)
            throw new RegelGeschondenException(Regels.EenVerantwoordelijkeGi,
                $"De maatregel kan niet eindigen vóór de laatste overdracht ({HuidigeVerantwoordelijkheid.VanUtc:yyyy-MM-dd}).");
        HuidigeVerantwoordelijkheid.TotUtc = moment;
        if (HuidigeToewijzing is { } toewijzing) toewijzing.Tot = datum;
        Status = MaatregelStatus.Beeindigd;
        BeeindigdOp = datum;
        Einddatum = datum;
        Beeindigingsreden = reden;
        if (beschikking is not null) Beschikkingen.Add(beschikking);
        return new MaatregelBeeindigd(Id, VerantwoordelijkeGi, Type, Regio, datum);
    }

    /// <summary>
    /// Moves responsibility at one instant: the old period ends exactly where the new one starts, so there is
    /// never zero and never two GIs. The same handover applied twice changes nothing the second time.
    /// </summary>
    internal VerantwoordelijkheidOvergedragen? DraagOver(string vanGi, string naarGi, DateTime opUtc, Guid overdrachtId)
    {
        if (Verantwoordelijkheden.Any(v => v.OverdrachtId == overdrachtId)) return null;
        VereisLopend("overdragen");
        var huidig = HuidigeVerantwoordelijkheid;
        if (!string.Equals(huidig.GiCode, vanGi, StringComparison.Ordinal))
            throw new RegelGeschondenException(Regels.OverdrachtDoorVerantwoordelijkeGi,
                $"{vanGi} is niet de verantwoordelijke GI; dat is {huidig.GiCode}.");
        if (string.Equals(vanGi, naarGi, StringComparison.Ordinal))
            throw new RegelGeschondenException(Regels.OverdrachtNaarAndereGi, $"Een overdracht gaat naar een andere GI dan {vanGi}.");
        if (opUtc <= huidig.VanUtc || (Einddatum is { } einde && opUtc >= Moment(einde)))
            throw new RegelGeschondenException(Regels.OverdrachtBinnenLooptijd,
                $"Het moment van overdracht {opUtc:yyyy-MM-dd HH:mm} valt niet binnen de huidige periode van {vanGi} en de looptijd van de maatregel.");
        huidig.TotUtc = opUtc;
        Verantwoordelijkheden.Add(new Verantwoordelijkheid { GiCode = naarGi, VanUtc = opUtc, OverdrachtId = overdrachtId });
        VerantwoordelijkeGi = naarGi;
        if (HuidigeToewijzing is { } toewijzing) toewijzing.Tot = DateOnly.FromDateTime(opUtc);
        return new VerantwoordelijkheidOvergedragen(Id, vanGi, naarGi, opUtc, overdrachtId, Type, Regio);
    }

    /// <summary>Null when this very assignment (kind, worker, date) is the current one already: a repeat changes nothing.</summary>
    internal JeugdbeschermerToegewezen? WijsToe(ToewijzingSoort soort, string wie, DateOnly van)
    {
        VereisLopend("toewijzen");
        if (HuidigeToewijzing is { } huidig && huidig.Soort == soort && huidig.Wie == wie && huidig.Van == van && huidig.GiCode == VerantwoordelijkeGi)
            return null;
        if (HuidigeToewijzing is { } vorige) vorige.Tot = van < vorige.Van ? vorige.Van : van;
        Toewijzingen.Add(new Toewijzing { GiCode = VerantwoordelijkeGi, Soort = soort, Wie = wie, Van = van });
        return new JeugdbeschermerToegewezen(Id, VerantwoordelijkeGi, soort == ToewijzingSoort.Vast, van);
    }

    /// <summary>Null when this milestone on this date was already registered: a repeat changes nothing.</summary>
    internal MijlpaalGeregistreerd? RegistreerMijlpaal(MijlpaalSoort soort, DateOnly datum)
    {
        VereisLopend("bijwerken");
        if (datum < Startdatum)
            throw new RegelGeschondenException(Regels.EindeNietVoorStart, $"Een mijlpaal kan niet vóór de start ({Startdatum:yyyy-MM-dd}) liggen.");
        if (Mijlpalen.Any(m => m.Soort == soort && m.Datum == datum)) return null;
        Mijlpalen.Add(new Mijlpaal(soort, datum, VerantwoordelijkeGi));
        return new MijlpaalGeregistreerd(Id, VerantwoordelijkeGi, soort.ToString(), datum);
    }

    /// <summary>
    /// Since when a running measure waits for a vaste jeugdbeschermer at its current GI: from the moment that GI got the
    /// case, or from the end of that GI's last vaste toewijzing; null when it has one (or does not run).
    /// </summary>
    public DateOnly? WachtOpVasteJeugdbeschermerSinds
    {
        get
        {
            if (!IsLopend || HeeftVasteJeugdbeschermer) return null;
            var sinds = DateOnly.FromDateTime(HuidigeVerantwoordelijkheid.VanUtc);
            var laatsteVastEinde = Toewijzingen.Where(t => t.Soort == ToewijzingSoort.Vast && t.GiCode == VerantwoordelijkeGi && t.Tot is { } tot && tot >= sinds)
                .Select(t => t.Tot).Max();
            return laatsteVastEinde is { } einde && einde > sinds ? einde : sinds;
        }
    }

    /// <summary>Days without a vaste jeugdbeschermer since the current GI took the case, up to <paramref name="tot"/>.</summary>
    public int DagenZonderVasteJeugdbeschermer(DateOnly tot)
    {
        var sinds = DateOnly.FromDateTime(HuidigeVerantwoordelijkheid.VanUtc);
        var eerstVast = Toewijzingen.Where(t => t.Soort == ToewijzingSoort.Vast && t.GiCode == VerantwoordelijkeGi && t.Van >= sinds)
            .Select(t => (DateOnly?)t.Van).Min();
        var eind = eerstVast is { } v && v < tot ? v : tot;
        return Math.Max(0, eind.DayNumber - sinds.DayNumber);
    }

    private void VereisLopend(string handeling)
    {
        if (!IsLopend)
            throw new RegelGeschondenException(Regels.AlleenLopendeMaatregel,
                $"De maatregel is beëindigd op {BeeindigdOp:yyyy-MM-dd}; {handeling} kan alleen bij een lopende maatregel.");
    }
}
