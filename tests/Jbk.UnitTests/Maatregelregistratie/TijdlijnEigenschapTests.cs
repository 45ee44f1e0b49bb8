using Jbk.BuildingBlocks.Errors;
using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;

namespace Jbk.UnitTests.Maatregelregistratie;

/// <summary>
/// Property: whatever sequence of extend, transfer, assign, record and end is tried, in whatever order and with
/// whatever dates, every measure keeps exactly one responsible GI at every instant of its life; and a step the
/// rules refuse is refused as a broken rule (FAILED_PRECONDITION) and changes nothing.
/// </summary>
public sealed class TijdlijnEigenschapTests
{
    private static readonly string[] Gis = ["JBN", "JBF", "JBO", "WSS", "LJR"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_sequences_never_break_the_one_responsible_GI_invariant(int seed)
    {
        var random = new Random(seed);
        int toegestaan = 0, geweigerd = 0;
        for (var reeks = 0; reeks < 200; reeks++)
        {
            var kind = Bouw.Jeugdige();
            var ots = Bouw.Maatregel(MaatregelType.Ots, jeugdige: kind, start: Bouw.Start.AddDays(random.Next(0, 30)));
            var muhp = Bouw.Maatregel(MaatregelType.Muhp, jeugdige: kind, ots: ots, start: ots.Startdatum.AddDays(random.Next(0, 60)),
                eind: ots.Einddatum!.Value.AddDays(-random.Next(0, 60)));
            var maatregelen = new[] { ots, muhp, Bouw.Maatregel(MaatregelType.Voogdij), Bouw.Maatregel(MaatregelType.Jeugdreclassering) };
            var gebruikteOverdrachten = new List<Guid>();

            for (var stap = 0; stap < 25; stap++)
            {
                var m = maatregelen[random.Next(maatregelen.Length)];
                var voor = Foto(m);
                try
                {
                    VoerUit(random, m, ots, gebruikteOverdrachten);
                    toegestaan++;
                }
                catch (RegelGeschondenException)
                {
                    geweigerd++;
                    Assert.Equal(voor, Foto(m)); // refused steps change nothing
                }
                foreach (var x in maatregelen) Assert.Null(Tijdlijn.Schending(x));
                AssertEenGiOpElkMoment(m, random);
            }
        }
        // Both paths were really exercised, not just one of them.
        Assert.True(toegestaan > 500, $"only {toegestaan} steps were allowed");
        Assert.True(geweigerd > 500, $"only {geweigerd} steps were refused");
    }

    private static void VoerUit(Random random, Maatregel m, Maatregel ots, List<Guid> overdrachten)
    {
        var dag = m.Startdatum.AddDays(random.Next(-30, 500));
        switch (random.Next(6))
        {
            case 0:
                m.Verleng(Bouw.Verlenging((m.Einddatum ?? dag).AddDays(random.Next(-30, 420))), m.OtsId is null ? null : ots, Bouw.Opties);
                break;
            case 1:
            case 2:
                // Sometimes the same handover again (must be a no-op), sometimes a new one.
                var id = overdrachten.Count > 0 && random.Next(4) == 0 ? overdrachten[random.Next(overdrachten.Count)] : Guid.NewGuid();
                overdrachten.Add(id);
                var van = random.Next(3) == 0 ? Gis[random.Next(Gis.Length)] : m.VerantwoordelijkeGi;
                m.DraagOver(van, Gis[random.Next(Gis.Length)], Maatregel.Moment(dag).AddHours(random.Next(24)), id);
                break;
            case 3:
                m.Beeindig(dag, "willekeurig einde", null);
                break;
            case 4:
                m.WijsToe(random.Next(2) == 0 ? ToewijzingSoort.Pool : ToewijzingSoort.Vast, "jb-" + random.Next(100), dag);
                break;
            default:
                m.RegistreerMijlpaal((MijlpaalSoort)random.Next(1, 8), dag);
                break;
        }
    }

    private static void AssertEenGiOpElkMoment(Maatregel m, Random random)
    {
        var start = Maatregel.Moment(m.Startdatum);
        var einde = m.IsLopend ? start.AddYears(3) : Maatregel.Moment(m.BeeindigdOp!.Value);
        for (var i = 0; i < 20; i++)
        {
            var moment = start.AddTicks((long)(random.NextDouble() * (einde - start).Ticks));
            Assert.Equal(1, m.Verantwoordelijkheden.Count(v => v.VanUtc <= moment && (v.TotUtc is null || moment < v.TotUtc)));
        }
        Assert.Null(m.VerantwoordelijkeOp(start.AddTicks(-1)));
    }

    private static string Foto(Maatregel m) => string.Join('|',
        m.Status, m.Einddatum, m.BeeindigdOp, m.VerantwoordelijkeGi,
        string.Join(',', m.Verantwoordelijkheden.Select(v => $"{v.GiCode}:{v.VanUtc:O}-{v.TotUtc:O}")),
        string.Join(',', m.Toewijzingen.Select(t => $"{t.Soort}:{t.Wie}:{t.Van}-{t.Tot}")),
        m.Mijlpalen.Count, m.Beschikkingen.Count);
}
