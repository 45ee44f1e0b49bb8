using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Kalender;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;

namespace Jbk.Overdracht.Domain;

public enum OverdrachtStatus
{
    Aangevraagd = 1,
    Gecontroleerd = 2,
    CapaciteitGereserveerd = 3,
    DossierCompleet = 4,
    Geaccepteerd = 5,
    Omgezet = 6,
    Voltooid = 7,
    Geweigerd = 8,
    Afgewezen = 9,
    Geannuleerd = 10,
}

/// <summary>One step of the history: what happened, who did it for which organisation, and when.</summary>
public sealed record Stap(string Wat, string Organisatie, string Gebruiker, DateTime OpUtc, string? Toelichting);

public sealed record OverdrachtMaatregel(Guid MaatregelId, MaatregelType Type, Guid GezinId, Guid JeugdigeId = default);

/// <summary>The GI that takes care of a deadline falling inside the handover.</summary>
public sealed record TermijnEigenaarschap(Guid MaatregelId, string Soort, string GiCode);

/// <summary>
/// A handover of one measure, or of a family's measures, from one GI to another: a long-running process whose
/// every step is checked here and recorded with who and when. Responsibility moves at one instant (the switch),
/// only after the checks, the reservation, a complete dossier, acceptance, the court's decision where the law
/// asks one, and a warm handover (or a reason to skip it). Until the switch it can be cancelled.
/// </summary>
public sealed class Overdracht
{
    private Overdracht() { }

    public Guid Id { get; private set; }
    public string VerzendendeGi { get; private set; } = "";
    public string OntvangendeGi { get; private set; } = "";
    public DateOnly GeplandeOmzetting { get; private set; }
    public string? RedenGezinSplitsen { get; private set; }
    public OverdrachtStatus Status { get; private set; }
    public List<OverdrachtMaatregel> Maatregelen { get; private set; } = [];
    public List<Stap> Historie { get; private set; } = [];
    /// <summary>The history in the order it happened: a database returns the rows in no particular order.</summary>
    public IReadOnlyList<Stap> Verloop => Historie.OrderBy(s => s.OpUtc).ToList();
    public List<RegelUitkomst> Controles { get; private set; } = [];
    public List<string> ReserveringIds { get; private set; } = [];
    public DateOnly? VerzoekAanRechterOp { get; private set; }
    public string? Zaaknummer { get; private set; }
    public DateOnly? DatumBeschikking { get; private set; }
    public DateOnly? WarmeOverdrachtOp { get; private set; }
    public string? RedenGeenWarmeOverdracht { get; private set; }
    public DateTime? OmgezetOpUtc { get; private set; }
    /// <summary>The switch asked for and at which instant: the intent the process carries out, also after a crash.</summary>
    public DateTime? OmzettingGevraagdOpUtc { get; private set; }
    /// <summary>Measures the receiving GI gave a vaste jeugdbeschermer after the switch.</summary>
    public List<Guid> VastToegewezen { get; private set; } = [];
    public List<TermijnEigenaarschap> TermijnEigenaars { get; private set; } = [];
    /// <summary>After a cancel or refusal: reservations released and read access withdrawn.</summary>
    public bool Opgeruimd { get; private set; }
    /// <summary>Why the platform's own next step cannot be taken (another service refused it for good), or null.</summary>
    public string? Vastgelopen { get; private set; }
    /// <summary>When the platform tries a stuck step again (so one stuck handover never blocks or floods the others).</summary>
    public DateTime? VolgendePogingUtc { get; private set; }
    public DateTime LaatsteStapUtc { get; private set; }
    public int Versie { get; private set; }

    /// <summary>The statuses of a handover that is still under way.</summary>
    public static readonly OverdrachtStatus[] Open =
    [
        OverdrachtStatus.Aangevraagd, OverdrachtStatus.Gecontroleerd, OverdrachtStatus.CapaciteitGereserveerd,
        OverdrachtStatus.DossierCompleet, OverdrachtStatus.Geaccepteerd, OverdrachtStatus.Omgezet,
    ];

    public bool IsAfgesloten => Status is OverdrachtStatus.Voltooid or OverdrachtStatus.Geweigerd or OverdrachtStatus.Afgewezen or OverdrachtStatus.Geannuleerd;

    /// <summary>The court decides a change of GI for child-protection measures; jeugdreclassering moves without it.</summary>
    public bool VraagtRechter => Maatregelen.Any(m => m.Type != MaatregelType.Jeugdreclassering);

    public static Overdracht VraagAan(Guid id, Caller door, string ontvanger, DateOnly geplandeOmzetting,
        IReadOnlyList<OverdrachtMaatregel> maatregelen, string? redenGezinSplitsen, DateTime nuUtc,
        IReadOnlyList<TermijnEigenaarschap>? termijnEigenaars = null)
    {
        if (door.Organisatie.Soort != OrganisatieSoort.Gi && !door.Organisatie.IsDienst("overdracht"))
            throw new GeenToegangException("Een overdracht wordt aangevraagd door de verzendende GI (of een scenario).");
        if (maatregelen.Count == 0) throw new OngeldigeInvoerException("maatregel_ids", "Noem ten minste één maatregel.");
        var overdracht = new Overdracht
        {
            Id = id,
            VerzendendeGi = door.Organisatie.Soort == OrganisatieSoort.Gi ? door.Organisatie.Code! : "",
            OntvangendeGi = ontvanger,
            GeplandeOmzetting = geplandeOmzetting,
            RedenGezinSplitsen = string.IsNullOrWhiteSpace(redenGezinSplitsen) ? null : redenGezinSplitsen.Trim(),
            Status = OverdrachtStatus.Aangevraagd,
            Maatregelen = [.. maatregelen],
            TermijnEigenaars = [.. termijnEigenaars ?? []],
        };
        overdracht.Leg("aangevraagd", door, nuUtc, $"{maatregelen.Count} maatregel(en) naar {ontvanger}, omzetting gepland op {geplandeOmzetting:yyyy-MM-dd}");
        return overdracht;
    }

    /// <summary>For a scenario: the sending GI is named, the process acts on its behalf.</summary>
    public void ZetVerzender(string gi)
    {
        if (VerzendendeGi.Length == 0) VerzendendeGi = gi;
    }

    public void LegControlesVast(IReadOnlyList<RegelUitkomst> uitkomsten, Caller door, DateTime nuUtc)
    {
        VereisStatus("controleren", OverdrachtStatus.Aangevraagd);
        Controles = [.. uitkomsten];
        var gefaald = uitkomsten.Where(u => !u.Geslaagd).ToList();
        Status = gefaald.Count == 0 ? OverdrachtStatus.Gecontroleerd : OverdrachtStatus.Geweigerd;
        Leg(gefaald.Count == 0 ? "gecontroleerd" : "geweigerd door continuïteitscontrole", door, nuUtc,
            gefaald.Count == 0 ? "alle continuïteitsregels gehaald" : string.Join(" | ", gefaald.Select(f => $"{f.Regel}: {f.Toelichting}")));
    }

    public void LegReserveringVast(IReadOnlyList<string> reserveringIds, Caller door, DateTime nuUtc)
    {
        VereisStatus("capaciteit reserveren", OverdrachtStatus.Gecontroleerd);
        ReserveringIds = [.. reserveringIds];
        Status = OverdrachtStatus.CapaciteitGereserveerd;
        Leg("capaciteit gereserveerd", door, nuUtc, $"{reserveringIds.Count} reservering(en) bij {OntvangendeGi}");
    }

    /// <summary>The receiving GI has no room (or no certificate) any more: the handover cannot go on.</summary>
    public void WeigerBijReservering(string reden, IReadOnlyList<string> alGereserveerd, Caller door, DateTime nuUtc)
    {
        VereisStatus("weigeren", OverdrachtStatus.Gecontroleerd);
        ReserveringIds = [.. alGereserveerd];
        Status = OverdrachtStatus.Geweigerd;
        Leg("geweigerd: geen capaciteit", door, nuUtc, reden);
    }

    /// <summary>The receiving GI is party once the checks passed and its capacity is held, until the handover is cancelled or refused.</summary>
    public bool OntvangerIsPartij => Status is OverdrachtStatus.CapaciteitGereserveerd or OverdrachtStatus.DossierCompleet
        or OverdrachtStatus.Geaccepteerd or OverdrachtStatus.Omgezet or OverdrachtStatus.Voltooid;

    public bool MagDossierLezen(Organisatie org) =>
        (org.IsGi(VerzendendeGi) && Status is not (OverdrachtStatus.Geannuleerd or OverdrachtStatus.Geweigerd or OverdrachtStatus.Afgewezen))
        || (org.IsGi(OntvangendeGi) && OntvangerIsPartij);

    public void LegDossierCompleetVast(IReadOnlyList<string> ontbrekend, Caller door, DateTime nuUtc)
    {
        VereisStatus("het dossier compleet verklaren", OverdrachtStatus.CapaciteitGereserveerd);
        VereisGi(door, VerzendendeGi, "het dossier compleet verklaren");
        if (ontbrekend.Count > 0)
            throw new RegelGeschondenException("DossierCompleet", $"Het dossier is niet compleet; ontbreekt: {string.Join(", ", ontbrekend)}.");
        Status = OverdrachtStatus.DossierCompleet;
        Leg("dossier geleverd", door, nuUtc, null);
    }

    public void Accepteer(Caller door, DateTime nuUtc)
    {
        VereisStatus("accepteren", OverdrachtStatus.DossierCompleet);
        VereisGi(door, OntvangendeGi, "accepteren");
        Status = OverdrachtStatus.Geaccepteerd;
        Leg("geaccepteerd", door, nuUtc, null);
    }

    public void WijsAf(string reden, Caller door, DateTime nuUtc)
    {
        VereisStatus("afwijzen", OverdrachtStatus.DossierCompleet, OverdrachtStatus.CapaciteitGereserveerd, OverdrachtStatus.Gecontroleerd);
        VereisGi(door, OntvangendeGi, "afwijzen");
        if (string.IsNullOrWhiteSpace(reden)) throw new OngeldigeInvoerException("reden", "Een afwijzing noemt de reden.");
        Status = OverdrachtStatus.Afgewezen;
        Leg("afgewezen", door, nuUtc, reden.Trim());
    }

    /// <summary>What the court is asked, by the kinds of measure: replacement of the GI (OTS, MUHP) and/or willingness and discharge (voogdij).</summary>
    public string VerzoekAanRechter => string.Join(" en ", new[]
    {
        Maatregelen.Any(m => m.Type is MaatregelType.Ots or MaatregelType.VoorlopigeOts or MaatregelType.Muhp) ? "vervanging van de GI (OTS)" : null,
        Maatregelen.Any(m => m.Type is MaatregelType.Voogdij or MaatregelType.VoorlopigeVoogdij) ? $"bereidverklaring van {OntvangendeGi} en ontslag van {VerzendendeGi} (voogdij)" : null,
    }.Where(x => x is not null));

    public void DienVerzoekBijRechterIn(DateOnly datum, Caller door, DateTime nuUtc)
    {
        VereisStatus("het verzoek aan de rechter indienen", OverdrachtStatus.Geaccepteerd);
        VereisPartij(door, "het verzoek aan de rechter indienen");
        if (VerzoekAanRechterOp == datum) return; // the same request again: already recorded
        if (!VraagtRechter) throw new RegelGeschondenException("RechterNodig", "Voor jeugdreclassering is geen besluit van de rechter nodig.");
        VerzoekAanRechterOp = datum;
        Leg("verzoek aan rechter", door, nuUtc, $"{VerzoekAanRechter}, ingediend op {datum:yyyy-MM-dd}");
    }

    /// <summary>For OTS: the court replaces the GI; for voogdij: the new GI's willingness and the old one's discharge.</summary>
    public void LegRechterlijkBesluitVast(string zaaknummer, DateOnly datum, Caller door, DateTime nuUtc)
    {
        VereisStatus("het besluit van de rechter vastleggen", OverdrachtStatus.Geaccepteerd);
        VereisPartij(door, "het besluit van de rechter vastleggen");
        if (string.IsNullOrWhiteSpace(zaaknummer)) throw new OngeldigeInvoerException("zaaknummer", "Het zaaknummer van de beschikking ontbreekt.");
        if (Zaaknummer == zaaknummer.Trim() && DatumBeschikking == datum) return; // the same decision again
        if (VerzoekAanRechterOp is null)
            throw new RegelGeschondenException("StapVolgorde", $"Dien eerst het verzoek aan de rechter in: {VerzoekAanRechter}.");
        Zaaknummer = zaaknummer.Trim();
        DatumBeschikking = datum;
        Leg("besluit rechter", door, nuUtc, $"zaak {Zaaknummer} van {datum:yyyy-MM-dd}");
    }

    public void LegWarmeOverdrachtVast(DateOnly datum, Caller door, DateTime nuUtc)
    {
        VereisStatus("de warme overdracht vastleggen", OverdrachtStatus.Geaccepteerd);
        VereisPartij(door, "de warme overdracht vastleggen");
        if (WarmeOverdrachtOp == datum && RedenGeenWarmeOverdracht is null) return; // recorded already
        WarmeOverdrachtOp = datum;
        RedenGeenWarmeOverdracht = null;
        Leg("warme overdracht gehouden", door, nuUtc, $"op {datum:yyyy-MM-dd}, met beide jeugdbeschermers");
    }

    public void ZieAfVanWarmeOverdracht(string reden, Caller door, DateTime nuUtc)
    {
        VereisStatus("afzien van warme overdracht", OverdrachtStatus.Geaccepteerd);
        VereisPartij(door, "afzien van warme overdracht");
        if (string.IsNullOrWhiteSpace(reden)) throw new OngeldigeInvoerException("reden", "Zeg waarom er geen warme overdracht is.");
        if (RedenGeenWarmeOverdracht == reden.Trim() && WarmeOverdrachtOp is null) return; // recorded already
        WarmeOverdrachtOp = null; // the latest of the two facts counts, as a warm handover recorded clears the reason
        RedenGeenWarmeOverdracht = reden.Trim();
        Leg("afgezien van warme overdracht", door, nuUtc, RedenGeenWarmeOverdracht);
    }

    /// <summary>What still stands between this handover and the switch; empty when it may switch.</summary>
    public IReadOnlyList<string> WatOntbreektVoorOmzetting()
    {
        var ontbreekt = new List<string>();
        if (Status != OverdrachtStatus.Geaccepteerd) ontbreekt.Add($"de overdracht is {Status}, niet geaccepteerd");
        if (VraagtRechter && Zaaknummer is null) ontbreekt.Add("het besluit van de rechter");
        if (WarmeOverdrachtOp is null && RedenGeenWarmeOverdracht is null) ontbreekt.Add("de warme overdracht (of de reden om ervan af te zien)");
        return ontbreekt;
    }

    /// <summary>Records the intent to switch at <paramref name="opUtc"/>; the process then switches every measure.</summary>
    public void VraagOmzettingAan(DateTime opUtc, Caller door, DateTime nuUtc)
    {
        if (OmzettingGevraagdOpUtc == opUtc) return;
        VereisPartij(door, "omzetten");
        var ontbreekt = WatOntbreektVoorOmzetting();
        if (ontbreekt.Count > 0) throw new RegelGeschondenException("KlaarVoorOmzetting", $"Nog niet om te zetten; ontbreekt: {string.Join("; ", ontbreekt)}.");
        if (OmzettingGevraagdOpUtc is not null)
            throw new RegelGeschondenException("KlaarVoorOmzetting", $"De omzetting is al gevraagd voor {OmzettingGevraagdOpUtc:yyyy-MM-dd HH:mm} UTC.");
        OmzettingGevraagdOpUtc = opUtc;
        Leg("omzetting gevraagd", door, nuUtc, $"op {opUtc:yyyy-MM-dd HH:mm} UTC");
    }

    /// <summary>The receiving GI gave one of the measures a vaste jeugdbeschermer; true when every measure has one.</summary>
    public bool RegistreerVasteJeugdbeschermer(Guid maatregelId, string gi)
    {
        if (gi != OntvangendeGi || Maatregelen.All(m => m.MaatregelId != maatregelId)) return false;
        if (!VastToegewezen.Contains(maatregelId)) VastToegewezen.Add(maatregelId);
        return Status == OverdrachtStatus.Omgezet && Maatregelen.All(m => VastToegewezen.Contains(m.MaatregelId));
    }

    public void MarkeerOpgeruimd() => Opgeruimd = true;

    /// <summary>
    /// A continuity rule broke between the request and the switch: the switch is not made, the request for it is
    /// withdrawn (so the GIs may cancel, or fix what broke and ask again) and the handover says which rule stopped it.
    /// </summary>
    public void StopOmzetting(string reden, Caller door, DateTime nuUtc)
    {
        VereisStatus("de omzetting stoppen", OverdrachtStatus.Geaccepteerd);
        if (OmzettingGevraagdOpUtc is null) return;
        OmzettingGevraagdOpUtc = null;
        Vastgelopen = reden;
        Leg("omzetting gestopt", door, nuUtc, reden);
    }

    /// <summary>The platform's step was refused for good: recorded once with the reason, tried again after <paramref name="wacht"/>.</summary>
    public void LoopVast(string reden, Caller door, DateTime nuUtc, TimeSpan wacht)
    {
        if (Vastgelopen != reden) Leg("vastgelopen", door, nuUtc, reden);
        Vastgelopen = reden;
        VolgendePogingUtc = nuUtc + wacht;
    }

    /// <summary>A step succeeded: whatever held the handover up is gone.</summary>
    public void LoopVerder()
    {
        Vastgelopen = null;
        VolgendePogingUtc = null;
    }

    /// <summary>Switched, but the receiving GI has not given every measure a vaste jeugdbeschermer within the allowed working days.</summary>
    public bool IsVoltooiingTeLaat(DateOnly vandaag, Werkdagen werkdagen, int toegestaneWerkdagen) =>
        Status == OverdrachtStatus.Omgezet && OmgezetOpUtc is { } om && vandaag > werkdagen.Na(DateOnly.FromDateTime(om), toegestaneWerkdagen);

    /// <summary>The switch was made in maatregelregistratie at <paramref name="opUtc"/> for every measure.</summary>
    public void LegOmzettingVast(DateTime opUtc, Caller door, DateTime nuUtc)
    {
        if (Status == OverdrachtStatus.Omgezet && OmgezetOpUtc == opUtc) return; // the same switch recorded again
        var ontbreekt = WatOntbreektVoorOmzetting();
        if (ontbreekt.Count > 0) throw new RegelGeschondenException("KlaarVoorOmzetting", $"Nog niet om te zetten; ontbreekt: {string.Join("; ", ontbreekt)}.");
        OmgezetOpUtc = opUtc;
        Status = OverdrachtStatus.Omgezet;
        Leg("verantwoordelijkheid omgezet", door, nuUtc, $"{OntvangendeGi} verantwoordelijk vanaf {opUtc:yyyy-MM-dd HH:mm} UTC");
    }

    /// <summary>Completed once the receiving GI gave every measure a vaste jeugdbeschermer.</summary>
    public void Voltooi(Caller door, DateTime nuUtc)
    {
        if (Status == OverdrachtStatus.Voltooid) return;
        VereisStatus("voltooien", OverdrachtStatus.Omgezet);
        Status = OverdrachtStatus.Voltooid;
        Leg("voltooid", door, nuUtc, "elke maatregel heeft een vaste jeugdbeschermer bij " + OntvangendeGi);
    }

    /// <summary>
    /// Possible at any step before the switch was asked for; the caller releases the reservation and the read access.
    /// Once asked, the platform is moving responsibility: a cancel then could release a reservation for measures that
    /// already belong to the receiver.
    /// </summary>
    public void Annuleer(string reden, Caller door, DateTime nuUtc)
    {
        if (Status == OverdrachtStatus.Geannuleerd) return;
        if (Status is OverdrachtStatus.Omgezet or OverdrachtStatus.Voltooid)
            throw new RegelGeschondenException("AnnulerenVoorOmzetting", "De verantwoordelijkheid is al omgezet; een nieuwe overdracht terug is nodig.");
        if (OmzettingGevraagdOpUtc is { } gevraagd)
            throw new RegelGeschondenException("AnnulerenVoorOmzetting",
                $"De omzetting is al gevraagd (voor {gevraagd:yyyy-MM-dd HH:mm} UTC) en wordt uitgevoerd; daarna is een nieuwe overdracht terug nodig.");
        if (IsAfgesloten) throw new RegelGeschondenException("AnnulerenVoorOmzetting", $"De overdracht is al {Status}.");
        VereisPartij(door, "annuleren");
        if (string.IsNullOrWhiteSpace(reden)) throw new OngeldigeInvoerException("reden", "Zeg waarom de overdracht wordt geannuleerd.");
        Status = OverdrachtStatus.Geannuleerd;
        Leg("geannuleerd", door, nuUtc, reden.Trim());
    }

    public bool IsPartij(Organisatie org) => org.IsGi(VerzendendeGi) || org.IsGi(OntvangendeGi);

    internal void VerhoogVersie() => Versie++;

    private void VereisStatus(string handeling, params OverdrachtStatus[] toegestaan)
    {
        if (!toegestaan.Contains(Status))
            throw new RegelGeschondenException("StapVolgorde", $"Kan niet {handeling}: de overdracht is {Status}.");
    }

    private static void VereisGi(Caller door, string gi, string handeling)
    {
        if (!door.Organisatie.IsGi(gi) && !door.Organisatie.IsDienst("overdracht"))
            throw new GeenToegangException($"Alleen {gi} kan {handeling}.");
    }

    /// <summary>The rule of the handover itself (its two GIs, and the process acting for them); the RPC's policy says the same first.</summary>
    private void VereisPartij(Caller door, string handeling)
    {
        if (!IsPartij(door.Organisatie) && !door.Organisatie.IsDienst("overdracht"))
            throw new GeenToegangException($"Alleen {VerzendendeGi} of {OntvangendeGi} kan {handeling}.");
    }

    private void Leg(string wat, Caller door, DateTime nuUtc, string? toelichting)
    {
        Historie.Add(new Stap(wat, door.Organisatie.ToString(), door.Gebruiker, nuUtc, toelichting));
        LaatsteStapUtc = nuUtc;
    }
}
