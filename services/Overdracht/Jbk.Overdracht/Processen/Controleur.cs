using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.Domain;
using Microsoft.Extensions.DependencyInjection;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Processen;

/// <summary>
/// Gathers what the continuity rules need from maatregelregistratie and capaciteit, then lets the rules judge: when the
/// handover is asked for, and again on fresh data right before the switch.
/// </summary>
public sealed class Controleur(
    [FromKeyedServices(OverdrachtModule.DienstNaam)] MaatregelService.MaatregelServiceClient maatregelen,
    [FromKeyedServices(OverdrachtModule.DienstNaam)] CapaciteitService.CapaciteitServiceClient capaciteit)
{
    /// <summary>The rules for a handover asked for on <paramref name="vandaag"/>, to switch on its planned date.</summary>
    public Task<IReadOnlyList<RegelUitkomst>> ControleerAsync(OverdrachtProces o, DateOnly vandaag, CancellationToken ct) =>
        ControleerAsync(o, vandaag, o.GeplandeOmzetting, ct);

    /// <summary>
    /// The rules again at the switch, on what the systems of record say now (a certificate withdrawn, a measure ended or
    /// moved, a family member registered meanwhile). Null when maatregelregistratie already records this switch: a repeat.
    /// </summary>
    public async Task<IReadOnlyList<RegelUitkomst>?> ControleerBijOmzettingAsync(OverdrachtProces o, DateTime opUtc, CancellationToken ct)
    {
        var gezin = await Gezinsmaatregelen.LeesAsync(maatregelen, o.Maatregelen.Select(m => m.GezinId), ct);
        var ids = o.Maatregelen.Select(m => m.MaatregelId.ToString()).ToHashSet();
        var metDezeOverdracht = gezin.Where(m => ids.Contains(m.Id) && m.Verantwoordelijkheden.Any(v => v.OverdrachtId == o.Id.ToString())).ToList();
        if (metDezeOverdracht.Count == ids.Count) return null;
        var dag = DateOnly.FromDateTime(opUtc);
        return await ControleerAsync(o, dag, dag, ct, gezin);
    }

    private async Task<IReadOnlyList<RegelUitkomst>> ControleerAsync(OverdrachtProces o, DateOnly vandaag, DateOnly omzetting, CancellationToken ct,
        IReadOnlyList<Maatregelen.V1.Maatregel>? gezin = null)
    {
        gezin ??= await Gezinsmaatregelen.LeesAsync(maatregelen, o.Maatregelen.Select(m => m.GezinId), ct);
        var perId = gezin.ToDictionary(m => m.Id);
        var teOverdragen = new List<TeOverdragenMaatregel>();
        foreach (var m in o.Maatregelen)
        {
            if (!perId.TryGetValue(m.MaatregelId.ToString(), out var maatregel))
                return [new RegelUitkomst("MaatregelBekend", false, $"maatregel {m.MaatregelId} bestaat niet in maatregelregistratie (of hoort bij een ander gezin)")];
            if (maatregel.Status != Maatregelen.V1.MaatregelStatus.Lopend)
                return [new RegelUitkomst("MaatregelLoopt", false, $"maatregel {m.MaatregelId} is beëindigd")];
            teOverdragen.Add(new TeOverdragenMaatregel(m.MaatregelId, MaatregelTypeMapping.FromProto(maatregel.Type) ?? m.Type, maatregel.Regio,
                maatregel.VerantwoordelijkeGi, Guid.Parse(maatregel.GezinId), maatregel.Doelgroepen.ToList(),
                maatregel.Termijnen.Where(t => t.Status != TermijnStatus.Voldaan)
                    .Select(t => new OpenTermijn(t.Soort.ToString(), t.Uiterlijk.ToDateOnly()!.Value)).ToList()));
        }
        var lopendBijVerzender = gezin
            .Where(m => m.Status == Maatregelen.V1.MaatregelStatus.Lopend && m.VerantwoordelijkeGi == o.VerzendendeGi)
            .Select(m => Guid.Parse(m.Id)).ToList();

        var ontvanger = (await Instellingenregister.LeesAsync(capaciteit, ct)).GetValueOrDefault(o.OntvangendeGi);
        if (ontvanger is null) return [new RegelUitkomst("OntvangerBekend", false, $"{o.OntvangendeGi} staat niet in het register van capaciteit")];
        var certificaat = await capaciteit.GeefCertificaatstatusAsync(
            new GeefCertificaatstatusRequest { GiCode = o.OntvangendeGi, Datum = omzetting.ToProto() }, cancellationToken: ct);

        return ContinuiteitsRegels.Controleer(new Controlegegevens(
            o.VerzendendeGi, ontvanger, certificaat.Regios.ToList(), certificaat.MagNieuwAannemen, certificaat.Reden,
            vandaag, omzetting, teOverdragen, lopendBijVerzender, o.RedenGezinSplitsen,
            o.TermijnEigenaars.ToDictionary(t => (t.MaatregelId, t.Soort), t => t.GiCode)));
    }
}

/// <summary>Families as maatregelregistratie records them, asked in batches.</summary>
public static class Gezinsmaatregelen
{
    private const int PerKeer = 200;

    public static async Task<IReadOnlyList<Maatregelen.V1.Maatregel>> LeesAsync(
        MaatregelService.MaatregelServiceClient maatregelen, IEnumerable<Guid> gezinIds, CancellationToken ct)
    {
        var alle = new List<Maatregelen.V1.Maatregel>();
        foreach (var deel in gezinIds.Distinct().Chunk(PerKeer))
        {
            var request = new GeefGezinsmaatregelenRequest();
            request.GezinIds.AddRange(deel.Select(g => g.ToString()));
            alle.AddRange((await maatregelen.GeefGezinsmaatregelenAsync(request, cancellationToken: ct)).Maatregelen);
        }
        return alle;
    }
}
