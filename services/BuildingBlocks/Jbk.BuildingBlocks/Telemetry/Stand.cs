namespace Jbk.BuildingBlocks.Telemetry;

/// <summary>A gauge of the chain's state: its name (dots; Prometheus shows underscores), what it means, and its labels.</summary>
public sealed record Standmaat(string Naam, string Omschrijving, params string[] Labels);

/// <summary>One value of a <see cref="Standmaat"/>: counts and codes only, never personal data.</summary>
public sealed record Standwaarde(string Maat, double Waarde, IReadOnlyList<KeyValuePair<string, object?>> Labels)
{
    public static Standwaarde Van(string maat, double waarde, params (string Label, string Waarde)[] labels) =>
        new(maat, waarde, labels.Select(l => new KeyValuePair<string, object?>(l.Label, l.Waarde)).ToList());
}

/// <summary>
/// A fact a service owns, measured from its system of record (its database), not counted in memory: so the figures
/// are right after a restart and the same on every replica. Every label combination the operator can expect is
/// reported, with zero where nothing is there, so a quiet chain reads as zero, never as "no data".
/// </summary>
public interface IStandbron
{
    /// <summary>The service that owns these facts ("capaciteit").</summary>
    string Dienst { get; }

    IReadOnlyList<Standmaat> Maten { get; }

    /// <summary>Measures now, in a scope of its own (its DbContext).</summary>
    Task<IReadOnlyList<Standwaarde>> MeetAsync(IServiceProvider diensten, CancellationToken ct);
}
