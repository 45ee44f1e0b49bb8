using System.Text.Json;

namespace Jbk.Bench;

/// <summary>
/// One figure of a benchmark, with the limit measured in the same run and what the goal asks of the ratio. Printed for a
/// person and kept for the JSON file; a figure without a measured limit has none (never a made-up one).
/// </summary>
public sealed record Meting(string Naam, double Waarde, string Eenheid, double? Limiet = null, string? LimietNaam = null, string? Doel = null)
{
    public double? Verhouding => Limiet is > 0 ? Waarde / Limiet : null;

    public override string ToString() =>
        $"{Naam,-48} {Waarde,10:0.##} {Eenheid,-8}"
        + (Limiet is { } l ? $"  limit {l,10:0.##} ({LimietNaam}), ratio {Verhouding switch { < 0.001 and var v => v.ToString("G2"), var v => v?.ToString("0.###") }}" : "")
        + (Doel is null ? "" : $"  goal: {Doel}");
}

/// <summary>The figures of one run, as JSON for other tools.</summary>
public static class Metingen
{
    private static readonly JsonSerializerOptions Opties = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Schrijf(string pad, IEnumerable<Meting> metingen) =>
        File.WriteAllText(pad, JsonSerializer.Serialize(new
        {
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            gemetenOpUtc = DateTime.UtcNow,
            metingen = metingen.Select(m => new { m.Naam, m.Waarde, m.Eenheid, m.Limiet, m.LimietNaam, m.Verhouding, m.Doel }),
        }, Opties));
}
