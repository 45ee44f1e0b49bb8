using Grpc.Core;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Overdracht.Domain;
using Microsoft.Extensions.DependencyInjection;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Processen;

/// <summary>Gathers what the continuity rules need from maatregelregistratie and capaciteit, then lets the rules judge.</summary>
public sealed class Controleur(
    [FromKeyedServices(OverdrachtModule.DienstNaam)] MaatregelService.MaatregelServiceClient maatregelen,
    [FromKeyedServices(OverdrachtModule.DienstNaam)] CapaciteitService.CapaciteitServiceClient capaciteit)
{
    public async Task<IReadOnlyList<RegelUitkomst>> ControleerAsync(OverdrachtProces o, DateOnly vandaag, CancellationToken ct)
    {
        var teOverdragen = new List<TeOverdragenMaatregel>();
        foreach (var m in o.Maatregelen)
        {
            Maatregelen.V1.Maatregel maatregel;
            try
            {
                maatregel = (await maatregelen.GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = m.MaatregelId.ToString() }, cancellationToken: ct)).Maatregel;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return [new RegelUitkomst("MaatregelBekend", false, $"maatregel {m.MaatregelId} bestaat niet in maatregelregistratie")];
            }
            if (maatregel.Status != Maatregelen.V1.MaatregelStatus.Lopend)
                return [new RegelUitkomst("MaatregelLoopt", false, $"maatregel {m.MaatregelId} is beëindigd")];
            teOverdragen.Add(new TeOverdragenMaatregel(m.MaatregelId, MaatregelTypeMapping.FromProto(maatregel.Type) ?? m.Type, maatregel.Regio,
                maatregel.VerantwoordelijkeGi, Guid.Parse(maatregel.GezinId), maatregel.Doelgroepen.ToList(),
                maatregel.Termijnen.Where(t => t.Status != TermijnStatus.Voldaan)
                    .Select(t => new OpenTermijn(t.Soort.ToString(), t.Uiterlijk.ToDateOnly()!.Value)).ToList()));
        }

        var gezin = new List<Guid>();
        foreach (var gezinId in teOverdragen.Select(m => m.GezinId).Distinct())
        {
            var zoek = new ZoekMaatregelenRequest { GiCode = o.VerzendendeGi, GezinId = gezinId.ToString(), Status = Maatregelen.V1.MaatregelStatus.Lopend, PageSize = 500 };
            gezin.AddRange((await maatregelen.ZoekMaatregelenAsync(zoek, cancellationToken: ct)).Maatregelen.Select(x => Guid.Parse(x.Id)));
        }

        var ontvanger = GiRegister.Alle.Single(g => g.Code == o.OntvangendeGi);
        var certificaat = await capaciteit.GeefCertificaatstatusAsync(
            new GeefCertificaatstatusRequest { GiCode = o.OntvangendeGi, Datum = o.GeplandeOmzetting.ToProto() }, cancellationToken: ct);

        return ContinuiteitsRegels.Controleer(new Controlegegevens(
            o.VerzendendeGi, ontvanger, certificaat.Regios.ToList(), certificaat.MagNieuwAannemen, certificaat.Reden,
            vandaag, o.GeplandeOmzetting, teOverdragen, gezin, o.RedenGezinSplitsen,
            o.TermijnEigenaars.ToDictionary(t => (t.MaatregelId, t.Soort), t => t.GiCode)));
    }
}
