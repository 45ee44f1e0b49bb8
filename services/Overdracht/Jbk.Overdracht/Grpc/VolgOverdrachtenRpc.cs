using Grpc.Core;
using Jbk.BuildingBlocks.Audit;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Overdracht.V1;
using Microsoft.EntityFrameworkCore;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Grpc;

/// <summary>A GI follows its handovers as they change instead of polling ZoekOverdrachten.</summary>
public sealed partial class OverdrachtGrpcService
{
    /// <summary>
    /// At the latest this long after a change the stream sends it, also when another replica saved it (a change saved
    /// by this process wakes the stream at once).
    /// </summary>
    public static readonly TimeSpan VolgInterval = TimeSpan.FromSeconds(2);

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi, "de GI die de request noemt, haar eigen overdrachten")]
    public override async Task VolgOverdrachten(VolgOverdrachtenRequest request, IServerStreamWriter<VolgOverdrachtenResponse> stream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var gi = Gi(request.GiCode, "gi_code");
        Relatie.Vereis(context, Relatie.TotGi(caller.Organisatie, gi), "Een GI volgt de eigen overdrachten: noem de eigen GI-code.");
        var ct = context.CancellationToken;
        var zoek = await Overdrachtzoekopdracht.LeesAsync(
            new ZoekOverdrachtenRequest { GiCode = gi, Rol = request.Rol, ScenarioId = request.ScenarioId }, gi, db, ct);
        var sinds = Nu;
        var verzonden = new Dictionary<Guid, int>(); // id -> the version last sent

        IQueryable<OverdrachtProces> VanDeGi()
        {
            var q = db.Overdrachten.AsNoTracking().Where(o => (zoek.Verzendend && o.VerzendendeGi == gi) || (zoek.Ontvangend && o.OntvangendeGi == gi));
            return zoek.ScenarioOverdrachten is { } ids ? q.Where(o => ids.Contains(o.Id)) : q;
        }

        async Task StuurAsync(IReadOnlyCollection<Guid> ids)
        {
            foreach (var deel in ids.Chunk(200))
                foreach (var o in await VanDeGi().Where(o => deel.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct))
                {
                    var p = Proto(o);
                    p.Historie.Clear();
                    await stream.WriteAsync(new VolgOverdrachtenResponse { Overdracht = p }, ct);
                    verzonden[o.Id] = o.Versie;
                }
        }

        // First part: what is now (open ones; the ended ones too when asked).
        var generatie = wijzigingen.Generatie;
        var nu = await VanDeGi().Where(o => request.OokAfgesloten || OverdrachtProces.Open.Contains(o.Status))
            .Select(o => o.Id).ToListAsync(ct);
        await StuurAsync(nu);
        await stream.WriteAsync(new VolgOverdrachtenResponse { Bijgewerkt = new Bijgewerkt { Aantal = nu.Count } }, ct);

        // Then every change: a new handover, or a new version of one (a step, a check, the end).
        while (!ct.IsCancellationRequested)
        {
            await wijzigingen.WachtOpWijzigingAsync(generatie, VolgInterval, ct);
            generatie = wijzigingen.Generatie;
            var standen = await VanDeGi().Where(o => OverdrachtProces.Open.Contains(o.Status) || o.LaatsteStapUtc >= sinds)
                .Select(o => new { o.Id, o.Versie }).ToListAsync(ct);
            var gewijzigd = standen.Where(s => !verzonden.TryGetValue(s.Id, out var v) || v != s.Versie).Select(s => s.Id).ToList();
            if (gewijzigd.Count > 0) await StuurAsync(gewijzigd);
        }
    }
}
