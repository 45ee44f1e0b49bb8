using Jbk.Contracts;

namespace Jbk.Capaciteit.Domain;

/// <summary>A region a GI may work in by the region's contract, over [Van, Tot). Contracts are the jeugdregio's, not a fact of the GI.</summary>
public sealed class Regiocontract
{
    public long Id { get; private set; }
    public required string GiCode { get; init; }
    public required string Regio { get; init; }
    public DateOnly Van { get; init; }
    public DateOnly? Tot { get; set; }

    public bool GeldigOp(DateOnly dag) => Van <= dag && (Tot is null || dag < Tot);
}

public enum ReserveringStatus { Actief = 1, Vrijgegeven = 2, Omgezet = 3 }

/// <summary>Capacity held at a receiving GI for an incoming transfer, until it is released, converted or expires.</summary>
public sealed class Reservering
{
    public Guid Id { get; init; }
    public required string IdempotentieSleutel { get; init; }
    public required string GiCode { get; init; }
    public required string Regio { get; init; }
    public MaatregelType Type { get; init; }
    public int Aantal { get; init; }
    /// <summary>Aantal times the type's weight: what it takes from the free capacity.</summary>
    public decimal Gewogen { get; init; }
    public DateTime VerlooptOpUtc { get; init; }
    public ReserveringStatus Status { get; set; } = ReserveringStatus.Actief;
    /// <summary>The handover the places are for, if any: its switch turns them into load.</summary>
    public Guid? OverdrachtId { get; init; }
    /// <summary>How many of the handover's measures capaciteit already counts at the GI.</summary>
    public int Overgedragen { get; private set; }

    /// <summary>
    /// Whether it still holds capacity. A handover's reservation does not lapse by date: it holds until the handover
    /// releases it or every measure is counted, so a late switch never finds its places gone.
    /// </summary>
    public bool TeltOp(DateTime nuUtc) => Status == ReserveringStatus.Actief && (OverdrachtId is not null || nuUtc < VerlooptOpUtc);

    /// <summary>What it still takes from the free capacity: the places not yet counted as load.</summary>
    public decimal Openstaand => Aantal == 0 ? 0 : Gewogen * (Aantal - Overgedragen) / Aantal;

    /// <summary>One of the handover's measures is counted at the GI now: its place is load, no longer reserved.</summary>
    public void TelOvergedragen()
    {
        if (Status != ReserveringStatus.Actief) return;
        Overgedragen++;
        if (Overgedragen >= Aantal) Status = ReserveringStatus.Omgezet;
    }
}

/// <summary>A cliëntenstop in force, as capaciteit hears of it from the clientenstop service.</summary>
public sealed class ActieveStop
{
    public Guid StopId { get; init; }
    public required string GiCode { get; init; }
    public List<string> Regios { get; set; } = [];
    public List<MaatregelType> Types { get; set; } = [];
    public bool SpoedUitgezonderd { get; set; } = true;
    public bool JrUitgezonderd { get; set; } = true;
    public DateOnly Van { get; set; }
    public DateOnly? Tot { get; set; }

    public Stop AlsStop() => new(GiCode, Regios, Types, SpoedUitgezonderd, JrUitgezonderd);
}

/// <summary>Who changed what in the registry, when, on whose behalf. No personal data: organisations and pseudonymous users.</summary>
public sealed class AuditRegel
{
    public long Id { get; private set; }
    public DateTime OpUtc { get; init; }
    public required string Organisatie { get; init; }
    public required string Gebruiker { get; init; }
    public required string Wat { get; init; }
}
