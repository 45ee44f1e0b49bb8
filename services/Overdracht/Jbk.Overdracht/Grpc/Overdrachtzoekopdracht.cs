using Jbk.BuildingBlocks.Errors;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.Persistence;
using Jbk.Overdracht.Scenarios;
using Jbk.Overdracht.V1;
using Microsoft.EntityFrameworkCore;
using OverdrachtStatus = Jbk.Overdracht.Domain.OverdrachtStatus;

namespace Jbk.Overdracht.Grpc;

/// <summary>The filters and the page of a ZoekOverdrachten request, checked and in the domain's terms.</summary>
internal sealed record Overdrachtzoekopdracht(
    IReadOnlyList<OverdrachtStatus> Statussen, bool Verzendend, bool Ontvangend, IReadOnlyList<Guid>? ScenarioOverdrachten, int Pagina, Guid? Na)
{
    public const int MaximalePagina = 500;

    public static async Task<Overdrachtzoekopdracht> LeesAsync(ZoekOverdrachtenRequest r, string? gi, OverdrachtDbContext db, CancellationToken ct)
    {
        var statussen = r.Statussen.Select(s => System.Enum.IsDefined((OverdrachtStatus)(int)s) ? (OverdrachtStatus)(int)s
            : throw new OngeldigeInvoerException("statussen", $"Status {s} bestaat niet.")).Distinct().ToList();
        if (r.Rol is not (OverdrachtRol.Unspecified or OverdrachtRol.Verzendend or OverdrachtRol.Ontvangend))
            throw new OngeldigeInvoerException("rol", $"Rol {r.Rol} bestaat niet; kies verzendend of ontvangend.");
        if (r.Rol != OverdrachtRol.Unspecified && gi is null)
            throw new OngeldigeInvoerException("rol", "Een rol zegt iets over een GI: noem de GI-code.");
        if (r.PageSize is < 0 or > MaximalePagina)
            throw new OngeldigeInvoerException("page_size", $"Een pagina telt 1 tot {MaximalePagina} overdrachten (0: alle in één antwoord).");
        Guid? na = null;
        if (r.PageToken.Length > 0)
            na = Guid.TryParse(r.PageToken, out var laatste) ? laatste : throw new OngeldigeInvoerException("page_token", "Dit paginatoken komt niet van een vorige pagina.");

        IReadOnlyList<Guid>? scenarioOverdrachten = null;
        if (r.ScenarioId.Length > 0)
        {
            if (!Guid.TryParse(r.ScenarioId, out var scenarioId)) throw new OngeldigeInvoerException("scenario_id", "Het scenario-id is geen geldig id.");
            if (!await db.Scenarios.AnyAsync(s => s.Id == scenarioId, ct)) throw new NietGevondenException("scenario", r.ScenarioId);
            var plaatsingen = await db.ScenarioPlaatsingen.AsNoTracking().Where(p => p.ScenarioId == scenarioId)
                .Select(p => new { p.GezinId, p.Poging, p.OverdrachtId }).ToListAsync(ct);
            scenarioOverdrachten = ScenarioPlaatsing.OverdrachtenVan(scenarioId, plaatsingen.Select(p => (p.GezinId, p.Poging, p.OverdrachtId)).ToList());
        }
        return new(statussen, r.Rol != OverdrachtRol.Ontvangend, r.Rol != OverdrachtRol.Verzendend, scenarioOverdrachten, r.PageSize, na);
    }
}
