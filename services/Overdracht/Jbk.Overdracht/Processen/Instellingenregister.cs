using Jbk.Capaciteit.V1;
using Jbk.Contracts;

namespace Jbk.Overdracht.Processen;

/// <summary>The GIs as capaciteit registers them (kind, regions, doelgroepen, the types they carry out): what the rules judge against.</summary>
public static class Instellingenregister
{
    public static async Task<IReadOnlyDictionary<string, GiGegevens>> LeesAsync(CapaciteitService.CapaciteitServiceClient capaciteit, CancellationToken ct) =>
        (await capaciteit.ListInstellingenAsync(new ListInstellingenRequest(), cancellationToken: ct)).Instellingen
            .ToDictionary(i => i.Code, i => new GiGegevens(i.Code, i.Naam, i.Soort == InstellingSoort.Landelijk ? GiSoort.Landelijk : GiSoort.Regionaal,
                i.Regios.ToList(), i.Doelgroepen.ToList())
            {
                MaatregelTypes = i.MaatregelTypes.Select(t => MaatregelTypeMapping.FromProto(t)).OfType<MaatregelType>().ToList(),
            });
}
