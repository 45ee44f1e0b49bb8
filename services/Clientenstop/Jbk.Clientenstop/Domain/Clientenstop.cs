using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;

namespace Jbk.Clientenstop.Domain;

public enum StopStatus { Voorgesteld = 1, Goedgekeurd = 2, Actief = 3, Opgeheven = 4, Afgewezen = 5 }

public sealed record Stapregel(string Wat, string Organisatie, string Gebruiker, DateTime OpUtc, string? Toelichting);

/// <summary>An approval, a refusal or an objection by one organisation, for a region where that matters.</summary>
public sealed record Oordeel(string Organisatie, string? Regio, string Soort, string? Reden, DateTime OpUtc);

/// <summary>
/// An intake freeze a GI cannot decide alone: the gemeenten of every region in scope and the RvdK must approve, the
/// court and colleague GIs are informed and may object. Active from its start date until it is lifted (at its end
/// date, earlier by the GI, or later after an extension with fresh approvals). Spoed measures and JR stay open by default.
/// </summary>
public sealed class Stop
{
    private Stop() { }

    public Guid Id { get; private set; }
    public string GiCode { get; private set; } = "";
    public List<string> Regios { get; private set; } = [];
    public List<MaatregelType> Types { get; private set; } = [];
    public bool SpoedUitgezonderd { get; private set; }
    public bool JrUitgezonderd { get; private set; }
    public DateOnly Van { get; private set; }
    public DateOnly Tot { get; private set; }
    /// <summary>A proposed later end date awaiting fresh approvals.</summary>
    public DateOnly? VoorgesteldeVerlenging { get; private set; }
    public string Reden { get; private set; } = "";
    public StopStatus Status { get; private set; }
    public List<Oordeel> Oordelen { get; private set; } = [];
    public List<Stapregel> Historie { get; private set; } = [];
    /// <summary>The history in the order it happened: a database returns the rows in no particular order.</summary>
    public IReadOnlyList<Stapregel> Verloop => Historie.OrderBy(s => s.OpUtc).ToList();
    public int Versie { get; private set; }

    public static Stop StelVoor(Guid id, Caller door, IReadOnlyList<string> regios, IReadOnlyList<MaatregelType> types,
        bool spoedUitgezonderd, bool jrUitgezonderd, DateOnly van, DateOnly tot, string reden, DateTime nuUtc)
    {
        if (door.Organisatie.Soort != OrganisatieSoort.Gi)
            throw new GeenToegangException("Een cliëntenstop wordt voorgesteld door de GI die de instroom niet meer aankan.");
        if (regios.Count == 0) throw new OngeldigeInvoerException("regios", "Noem ten minste één regio.");
        if (types.Count == 0) throw new OngeldigeInvoerException("types", "Noem ten minste één type maatregel.");
        if (tot <= van) throw new OngeldigeInvoerException("tot", $"De einddatum {tot:yyyy-MM-dd} ligt niet na de startdatum {van:yyyy-MM-dd}.");
        if (string.IsNullOrWhiteSpace(reden)) throw new OngeldigeInvoerException("reden", "Een cliëntenstop noemt de reden.");
        var stop = new Stop
        {
            Id = id, GiCode = door.Organisatie.Code!, Regios = [.. regios.Distinct()], Types = [.. types.Distinct()],
            SpoedUitgezonderd = spoedUitgezonderd, JrUitgezonderd = jrUitgezonderd, Van = van, Tot = tot, Reden = reden.Trim(),
            Status = StopStatus.Voorgesteld,
        };
        stop.Leg("voorgesteld", door, nuUtc, $"{string.Join(", ", types)} in {string.Join(", ", regios)} van {van:yyyy-MM-dd} tot {tot:yyyy-MM-dd}");
        return stop;
    }

    /// <summary>Who still has to approve: the gemeenten of each region in scope, and the RvdK.</summary>
    public IReadOnlyList<string> OntbrekendeGoedkeuringen()
    {
        var open = Regios.Where(r => !Oordelen.Any(o => o.Soort == "goedkeuring" && o.Regio == r && IsHuidig(o))).Select(r => $"gemeente in {r}").ToList();
        if (!Oordelen.Any(o => o.Soort == "goedkeuring" && o.Organisatie == "rvdk" && IsHuidig(o))) open.Add("rvdk");
        return open;
    }

    /// <summary>When an extension was proposed: approvals from before it count for the first proposal, not for the extension.</summary>
    public DateTime? VerlengingVoorgesteldOpUtc { get; private set; }

    private bool IsHuidig(Oordeel o) => VerlengingVoorgesteldOpUtc is null || o.OpUtc >= VerlengingVoorgesteldOpUtc;

    /// <summary>A gemeente approves for its own region; the RvdK for the whole stop. Only while a proposal is open.</summary>
    /// <summary>False when this organisation already approved (for this region) in the current round: a repeat changes nothing.</summary>
    public bool KeurGoed(Caller door, string? regio, DateTime nuUtc)
    {
        VereisOpenVoorstel("goedkeuren");
        var org = door.Organisatie;
        if (org.Soort == OrganisatieSoort.Gemeente)
        {
            if (regio is null || !Regios.Contains(regio))
                throw new OngeldigeInvoerException("regio", $"Noem de regio waarvoor u goedkeurt; de stop geldt in {string.Join(", ", Regios)}.");
            if (!Gemeenten.HoortBij(org.Code!, regio))
                throw new GeenToegangException($"Gemeente {Gemeenten.Beschrijf(org.Code!)} hoort niet bij {regio} en kan daar niet goedkeuren.");
        }
        else if (org.Soort != OrganisatieSoort.Rvdk)
        {
            throw new GeenToegangException("Alleen de gemeenten van de regio en de Raad voor de Kinderbescherming keuren een cliëntenstop goed.");
        }
        else regio = null;
        if (Oordelen.Any(o => o.Soort == "goedkeuring" && o.Organisatie == org.ToString() && o.Regio == regio && IsHuidig(o))) return false;
        Oordelen.Add(new Oordeel(org.ToString(), regio, "goedkeuring", null, nuUtc));
        Leg("goedgekeurd", door, nuUtc, regio is null ? "door de RvdK" : $"voor {regio}");
        if (OntbrekendeGoedkeuringen().Count > 0) return true;
        if (VoorgesteldeVerlenging is { } nieuw)
        {
            Tot = nieuw;
            VoorgesteldeVerlenging = null;
            VerlengingVoorgesteldOpUtc = null;
            Leg("verlengd", door, nuUtc, $"tot {Tot:yyyy-MM-dd}");
        }
        else
        {
            Status = StopStatus.Goedgekeurd;
        }
        return true;
    }

    /// <summary>A refusal by an approver ends the proposal (or the proposed extension).</summary>
    public void WijsAf(Caller door, string? regio, string reden, DateTime nuUtc)
    {
        VereisOpenVoorstel("afwijzen");
        if (string.IsNullOrWhiteSpace(reden)) throw new OngeldigeInvoerException("reden", "Een afwijzing noemt de reden.");
        var org = door.Organisatie;
        if (org.Soort == OrganisatieSoort.Gemeente && (regio is null || !Regios.Contains(regio) || !Gemeenten.HoortBij(org.Code!, regio)))
            throw new GeenToegangException($"Gemeente {Gemeenten.Beschrijf(org.Code!)} kan alleen afwijzen voor een regio van de stop waar zij bij hoort.");
        if (org.Soort is not (OrganisatieSoort.Gemeente or OrganisatieSoort.Rvdk))
            throw new GeenToegangException("Alleen de gemeenten van de regio en de RvdK wijzen een cliëntenstop af; anderen kunnen bezwaar maken.");
        Oordelen.Add(new Oordeel(org.ToString(), regio, "afwijzing", reden.Trim(), nuUtc));
        if (VoorgesteldeVerlenging is not null)
        {
            VoorgesteldeVerlenging = null;
            VerlengingVoorgesteldOpUtc = null;
            Leg("verlenging afgewezen", door, nuUtc, reden.Trim());
            return;
        }
        Status = StopStatus.Afgewezen;
        Leg("afgewezen", door, nuUtc, reden.Trim());
    }

    /// <summary>The court and colleague GIs are informed and may object; an objection is recorded for the approvers, it does not decide.</summary>
    /// <summary>False when this organisation already made this very objection: a repeat changes nothing.</summary>
    public bool MaakBezwaar(Caller door, string reden, DateTime nuUtc)
    {
        if (Status is StopStatus.Opgeheven or StopStatus.Afgewezen) throw new RegelGeschondenException("StopLoopt", $"De stop is {Status}.");
        if (door.Organisatie.IsGi(GiCode)) throw new GeenToegangException("De GI van de stop maakt geen bezwaar tegen de eigen stop.");
        if (string.IsNullOrWhiteSpace(reden)) throw new OngeldigeInvoerException("reden", "Een bezwaar noemt de reden.");
        if (Oordelen.Any(o => o.Soort == "bezwaar" && o.Organisatie == door.Organisatie.ToString() && o.Reden == reden.Trim())) return false;
        Oordelen.Add(new Oordeel(door.Organisatie.ToString(), null, "bezwaar", reden.Trim(), nuUtc));
        Leg("bezwaar", door, nuUtc, reden.Trim());
        return true;
    }

    /// <summary>From the start date, once approved. Returns whether this call activated it (so the event is published once).</summary>
    public bool ActiveerIndienTijd(DateOnly vandaag, Caller door, DateTime nuUtc)
    {
        if (Status != StopStatus.Goedgekeurd || vandaag < Van) return false;
        if (vandaag >= Tot) { Status = StopStatus.Opgeheven; Leg("opgeheven", door, nuUtc, "einddatum verstreken vóór activering"); return false; }
        Status = StopStatus.Actief;
        Leg("actief", door, nuUtc, $"vanaf {Van:yyyy-MM-dd}");
        return true;
    }

    /// <summary>At the end date by the platform, or earlier by the GI itself. Returns whether this call lifted it.</summary>
    public bool HefOp(Caller door, DateOnly vandaag, bool opEinddatum, DateTime nuUtc)
    {
        // Who may comes first: an outsider learns nothing, also not that the stop was already lifted.
        if (!opEinddatum && !door.Organisatie.IsGi(GiCode))
            throw new GeenToegangException("Alleen de GI van de stop heft haar eerder op; de goedkeurders worden geïnformeerd.");
        if (Status == StopStatus.Opgeheven) return false;
        if (Status == StopStatus.Afgewezen) throw new RegelGeschondenException("StopLoopt", "Een afgewezen stop hoeft niet te worden opgeheven.");
        if (opEinddatum && vandaag < Tot) return false;
        Status = StopStatus.Opgeheven;
        Tot = opEinddatum ? Tot : (vandaag < Tot ? vandaag : Tot);
        Leg("opgeheven", door, nuUtc, opEinddatum ? "einddatum bereikt" : "eerder opgeheven door de GI");
        return true;
    }

    /// <summary>The GI proposes a later end date; it needs fresh approvals of every region and the RvdK.</summary>
    public void StelVerlengingVoor(Caller door, DateOnly nieuweTot, DateTime nuUtc)
    {
        if (!door.Organisatie.IsGi(GiCode)) throw new GeenToegangException($"Alleen {GiCode} stelt verlenging van de eigen stop voor.");
        if (Status is not (StopStatus.Actief or StopStatus.Goedgekeurd)) throw new RegelGeschondenException("StopLoopt", $"De stop is {Status}.");
        if (nieuweTot <= Tot) throw new OngeldigeInvoerException("tot", $"De nieuwe einddatum ligt niet na {Tot:yyyy-MM-dd}.");
        VoorgesteldeVerlenging = nieuweTot;
        VerlengingVoorgesteldOpUtc = nuUtc;
        Leg("verlenging voorgesteld", door, nuUtc, $"tot {nieuweTot:yyyy-MM-dd}");
    }

    public bool GeldtVoor(string regio, MaatregelType type, bool spoed) => Status == StopStatus.Actief && Regios.Contains(regio) && Types.Contains(type)
        && !(spoed && SpoedUitgezonderd) && !(type == MaatregelType.Jeugdreclassering && JrUitgezonderd);

    internal void VerhoogVersie() => Versie++;

    private void VereisOpenVoorstel(string handeling)
    {
        var open = Status == StopStatus.Voorgesteld || (VoorgesteldeVerlenging is not null && Status is StopStatus.Actief or StopStatus.Goedgekeurd);
        if (!open) throw new RegelGeschondenException("OpenVoorstel", $"Er staat geen voorstel open om te {handeling}; de stop is {Status}.");
    }

    private void Leg(string wat, Caller door, DateTime nuUtc, string? toelichting) =>
        Historie.Add(new Stapregel(wat, door.Organisatie.ToString(), door.Gebruiker, nuUtc, toelichting));
}
