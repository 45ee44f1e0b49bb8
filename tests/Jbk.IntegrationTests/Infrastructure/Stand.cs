using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// What the embedded platform's systems of record hold: per table of every SQLite database, the number of rows and a
/// hash of their contents. The access logs are left out: they record refused calls on purpose.
/// </summary>
internal static class Stand
{
    private static readonly string[] Logboeken = ["toegangslog", "toegangslogkop", "dossierlog", "efmigrationshistory"];

    private static bool IsLogboek(string tabel) => Logboeken.Contains(tabel.Replace("_", "").ToLowerInvariant());

    /// <param name="metInhoud">False: row counts only (what a repeat would add), not the rows' contents.</param>
    public static async Task<IReadOnlyDictionary<string, string>> VanAsync(string dataDir, bool metInhoud = true)
    {
        var stand = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var bestand in Directory.GetFiles(dataDir, "*.db").Order())
        {
            await using var db = new SqliteConnection($"Data Source={bestand};Mode=ReadOnly;Pooling=False");
            await db.OpenAsync();
            var tabellen = new List<string>();
            await using (var lijst = db.CreateCommand())
            {
                lijst.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
                await using var r = await lijst.ExecuteReaderAsync();
                while (await r.ReadAsync()) tabellen.Add(r.GetString(0));
            }
            foreach (var tabel in tabellen.Where(t => !IsLogboek(t)))
            {
                await using var query = db.CreateCommand();
                query.CommandText = $"SELECT * FROM \"{tabel}\" ORDER BY rowid";
                await using var r = await query.ExecuteReaderAsync();
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var rijen = 0;
                while (await r.ReadAsync())
                {
                    rijen++;
                    for (var i = 0; i < r.FieldCount; i++) hash.AppendData(Encoding.UTF8.GetBytes((r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f"));
                }
                stand[$"{Path.GetFileNameWithoutExtension(bestand)}.{tabel}"] = metInhoud ? $"{rijen} rijen, {Convert.ToHexString(hash.GetHashAndReset())[..16]}" : $"{rijen}";
            }
        }
        return stand;
    }

    /// <summary>The tables whose rows differ between two readings.</summary>
    public static IReadOnlyList<string> Verschil(IReadOnlyDictionary<string, string> voor, IReadOnlyDictionary<string, string> na) =>
        voor.Keys.Union(na.Keys).Where(k => voor.GetValueOrDefault(k) != na.GetValueOrDefault(k))
            .Select(k => $"{k}: {voor.GetValueOrDefault(k) ?? "-"} -> {na.GetValueOrDefault(k) ?? "-"}").ToList();

    /// <summary>
    /// Waits until the readings stay the same for <paramref name="stil"/> (one second unless said): background work of the
    /// platform (a handover's next steps, the outbox) has settled.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> RustigAsync(string dataDir, TimeSpan termijn, bool metInhoud = true, TimeSpan? stil = null)
    {
        var einde = DateTime.UtcNow + termijn;
        var vorige = await VanAsync(dataDir, metInhoud);
        var sinds = DateTime.UtcNow;
        while (true)
        {
            await Task.Delay(500);
            var nu = await VanAsync(dataDir, metInhoud);
            if (Verschil(vorige, nu).Count > 0) sinds = DateTime.UtcNow;
            else if (DateTime.UtcNow - sinds >= (stil ?? TimeSpan.FromSeconds(1))) return nu;
            if (DateTime.UtcNow > einde) throw new TimeoutException($"De databases kwamen niet tot rust binnen {termijn}: {string.Join("; ", Verschil(vorige, nu))}");
            vorige = nu;
        }
    }
}
