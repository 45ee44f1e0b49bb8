namespace Jbk.Contracts.Events;

/// <summary>A cliëntenstop is in force from <paramref name="Van"/>: capaciteit excludes the GI for new measures in scope.</summary>
public sealed record ClientenstopGeactiveerd(
    Guid StopId, string GiCode, IReadOnlyList<string> Regios, IReadOnlyList<MaatregelType> Types, bool SpoedUitgezonderd, bool JrUitgezonderd,
    DateOnly Van, DateOnly Tot) : IntegrationEvent
{
    public override string Volgorde => $"stop:{StopId}";
}

/// <summary>The stop was lifted (at its end date or earlier) or extended: <paramref name="Tot"/> is its end now.</summary>
public sealed record ClientenstopGewijzigd(Guid StopId, string GiCode, string Status, DateOnly Tot) : IntegrationEvent
{
    public override string Volgorde => $"stop:{StopId}";
}

/// <summary>A cliëntenstop took a step (proposed, approved, refused, objection, active, lifted, extended).</summary>
public sealed record ClientenstopStapGezet(Guid StopId, string GiCode, string Status, string Stap) : IntegrationEvent
{
    public override string Volgorde => $"stop:{StopId}";
}
