using Jbk.BuildingBlocks.Security;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Planning;

namespace Jbk.Simulatie;

/// <summary>
/// Registers a generated caseload in maatregelregistratie as the sending GI would have: a child per measure (an MUHP
/// with its OTS's child), siblings in one family, court decisions, and the case worker. BSNs are synthetic (they pass
/// the elfproef, nobody has them), dates follow from a seed. Registering again with the same prefix changes nothing.
/// </summary>
public static class SynthetischeCaseload
{
    /// <param name="sleutelPrefix">Makes the registrations (and the synthetic BSNs) this load's own.</param>
    /// <param name="seed">Draws the dates: the same seed gives the same caseload under other ids.</param>
    public static async Task<int> LaadAsync(Kanalen k, string gi, string regio, IReadOnlyList<TePlaatsen> caseload, DateOnly peildatum,
        string sleutelPrefix, int seed = 2024, IProgress<int>? voortgang = null, CancellationToken ct = default)
    {
        var client = k.Maatregelen(Organisatie.Gi(gi));
        var random = new Random(seed);
        var bsns = new Random(Stabiel(sleutelPrefix));
        var gezinnen = new Dictionary<Guid, string>();
        (string Bsn, Maatregelen.V1.Maatregel Ots, Jeugdige Jeugdige)? laatsteOts = null;
        var geladen = 0;
        for (var i = 0; i < caseload.Count; i++)
        {
            var m = caseload[i];
            var gezinId = gezinnen.GetValueOrDefault(m.GezinId, "");
            var geboren = peildatum.AddDays(-random.Next(2 * 365, 15 * 365));
            var start = peildatum.AddDays(-random.Next(30, 300));
            var request = new RegistreerMaatregelRequest
            {
                IdempotentieSleutel = $"{sleutelPrefix}:{i}", Type = m.Type.ToProto(), GiCode = gi, Regio = regio, Startdatum = start.ToProto(),
                Jeugdige = new Jeugdige { Bsn = Bsn(bsns), Geboortedatum = geboren.ToProto(), Gemeente = "GM0106", GezinId = gezinId },
            };
            request.Jeugdige.Doelgroepen.AddRange(m.Doelgroepen);
            var termijn = m.EersteTermijn ?? peildatum.AddDays(180);
            switch (m.Type)
            {
                case MaatregelType.Muhp when laatsteOts is { } ots:
                    request.Jeugdige = ots.Jeugdige;
                    request.OtsId = ots.Ots.Id;
                    request.Startdatum = ots.Ots.Startdatum.ToDateOnly()!.Value.AddDays(1).ToProto();
                    var otsEinde = ots.Ots.Einddatum.ToDateOnly()!.Value;
                    request.Einddatum = (termijn < otsEinde ? termijn : otsEinde).ToProto();
                    break;
                case MaatregelType.Muhp: // an MUHP without its OTS in the generated list: register it as an OTS
                    request.Type = MaatregelType.Ots.ToProto();
                    goto case MaatregelType.Ots;
                case MaatregelType.Ots:
                    var grens = start.AddMonths(12).AddDays(-1);
                    request.Einddatum = (termijn < grens ? termijn : grens).ToProto();
                    break;
                case MaatregelType.Jeugdreclassering:
                    request.JrVariant = "toezicht-en-begeleiding";
                    request.Einddatum = termijn.ToProto();
                    break;
            }
            request.Beschikking = new Beschikking
            {
                Rechtbank = "Rechtbank Noord-Nederland", Zaaknummer = $"SYN/{Stabiel(request.IdempotentieSleutel) % 1_000_000:D6}", Datum = request.Startdatum,
                Einddatum = request.Einddatum,
            };
            var maatregel = (await client.RegistreerMaatregelAsync(request, cancellationToken: ct)).Maatregel;
            gezinnen[m.GezinId] = maatregel.GezinId;
            laatsteOts = maatregel.Type == Common.V1.MaatregelType.Ots ? (request.Jeugdige.Bsn, maatregel, request.Jeugdige) : laatsteOts;
            if (m.JeugdbeschermerId is { } jb && maatregel.HuidigeToewijzing?.Wie != jb)
                await client.WijsJeugdbeschermerToeAsync(new WijsJeugdbeschermerToeRequest
                {
                    MaatregelId = maatregel.Id, Soort = ToewijzingSoort.Vast, Wie = jb, Van = maatregel.Startdatum,
                }, cancellationToken: ct);
            voortgang?.Report(++geladen);
        }
        return geladen;
    }

    /// <summary>Region contracts the receiving regional GIs get for the scenario ("if other GIs can be added to the contract").</summary>
    public static async Task SluitContractenAsync(Kanalen k, IEnumerable<string> gis, string regio, DateOnly van, CancellationToken ct = default)
    {
        var capaciteit = k.CapaciteitClient(Organisatie.Operator);
        foreach (var gi in gis)
        {
            var status = await capaciteit.GeefCertificaatstatusAsync(new GeefCertificaatstatusRequest { GiCode = gi, Datum = van.ToProto() }, cancellationToken: ct);
            if (status.Regios.Contains(regio)) continue;
            await capaciteit.RegistreerRegiocontractAsync(new RegistreerRegiocontractRequest { GiCode = gi, Regio = regio, Van = van.ToProto() }, cancellationToken: ct);
        }
    }

    /// <summary>A number that passes the elfproef and is no real person's: drawn from a seeded generator.</summary>
    public static string Bsn(Random random)
    {
        while (true)
        {
            var cijfers = Enumerable.Range(0, 8).Select(_ => random.Next(10)).ToArray();
            var controle = cijfers.Select((c, i) => (9 - i) * c).Sum() % 11;
            if (controle < 10 && cijfers[0] != 0) return string.Concat(cijfers) + controle;
        }
    }

    /// <summary>A string's hash that is the same in every process (string.GetHashCode is not).</summary>
    private static int Stabiel(string tekst)
    {
        unchecked
        {
            var h = 17;
            foreach (var c in tekst) h = h * 31 + c;
            return h & int.MaxValue;
        }
    }
}
