using Jbk.Contracts;
using Jbk.Overdracht.Domain;

namespace Jbk.UnitTests.Overdracht;

/// <summary>Every continuity rule by name: a case that passes and one that fails with a message naming the problem.</summary>
public sealed class ContinuiteitsRegelsTests
{
    private static readonly Guid Gezin = Guid.NewGuid();
    private static readonly DateOnly Vandaag = new(2025, 9, 1);
    private static readonly GiGegevens Wss = GiRegister.Alle.Single(g => g.Code == "WSS");
    private static readonly GiGegevens Jbf = GiRegister.Alle.Single(g => g.Code == "JBF");

    private static TeOverdragenMaatregel Ots(string gi = "JBN", params OpenTermijn[] termijnen) =>
        new(Guid.NewGuid(), MaatregelType.Ots, "drenthe", gi, Gezin, ["lvb"], termijnen);

    private static Controlegegevens Gegevens(GiGegevens? ontvanger = null, bool gecertificeerd = true, IReadOnlyList<TeOverdragenMaatregel>? maatregelen = null,
        IReadOnlyList<Guid>? gezin = null, string? splitsen = null, IReadOnlyDictionary<(Guid, string), string>? eigenaars = null,
        IReadOnlyCollection<string>? regios = null)
    {
        var lijst = maatregelen ?? [Ots()];
        var o = ontvanger ?? Wss;
        return new Controlegegevens("JBN", o, regios ?? o.Regios.ToList(), gecertificeerd, gecertificeerd ? "regulier certificaat" : "beëindigingscertificaat",
            Vandaag, Vandaag.AddDays(30), lijst, gezin ?? lijst.Select(m => m.MaatregelId).ToList(), splitsen,
            eigenaars ?? new Dictionary<(Guid, string), string>());
    }

    private static RegelUitkomst Regel(Controlegegevens g, string regel) => ContinuiteitsRegels.Controleer(g).Single(u => u.Regel == regel);

    [Fact]
    public void A_sound_handover_passes_every_rule() =>
        Assert.All(ContinuiteitsRegels.Controleer(Gegevens()), u => Assert.True(u.Geslaagd, $"{u.Regel}: {u.Toelichting}"));

    [Fact]
    public void VerzenderIsVerantwoordelijk()
    {
        var fout = Regel(Gegevens(maatregelen: [Ots(gi: "JBF")]), ContinuiteitsRegels.VerzenderIsVerantwoordelijk);
        Assert.False(fout.Geslaagd);
        Assert.Contains("dat is JBF", fout.Toelichting);
    }

    [Fact]
    public void OntvangerIsAndereGi() =>
        Assert.False(Regel(Gegevens(ontvanger: GiRegister.Alle.Single(g => g.Code == "JBN")), ContinuiteitsRegels.OntvangerIsAndereGi).Geslaagd);

    [Fact]
    public void OntvangerGecertificeerd()
    {
        var fout = Regel(Gegevens(gecertificeerd: false), ContinuiteitsRegels.OntvangerGecertificeerd);
        Assert.False(fout.Geslaagd);
        Assert.Contains("beëindigingscertificaat", fout.Toelichting);
    }

    [Fact]
    public void OntvangerVoertTypeUit()
    {
        var nidos = GiRegister.Alle.Single(g => g.Code == "NIDOS");
        var jr = new TeOverdragenMaatregel(Guid.NewGuid(), MaatregelType.Jeugdreclassering, "drenthe", "JBN", Gezin, ["amv"], []);
        var fout = Regel(Gegevens(ontvanger: nidos, maatregelen: [jr]), ContinuiteitsRegels.OntvangerVoertTypeUit);
        Assert.False(fout.Geslaagd);
        Assert.Contains("Jeugdreclassering", fout.Toelichting);
    }

    [Fact]
    public void RegioOfDoelgroep_for_a_national_GI_the_child_must_be_in_its_doelgroep()
    {
        var zonderLvb = new TeOverdragenMaatregel(Guid.NewGuid(), MaatregelType.Ots, "drenthe", "JBN", Gezin, [], []);
        var fout = Regel(Gegevens(maatregelen: [zonderLvb]), ContinuiteitsRegels.RegioOfDoelgroep);
        Assert.False(fout.Geslaagd);
        Assert.Contains("lvb", fout.Toelichting);
    }

    [Fact]
    public void RegioOfDoelgroep_for_a_regional_GI_the_region_must_be_in_its_contract()
    {
        Assert.False(Regel(Gegevens(ontvanger: Jbf), ContinuiteitsRegels.RegioOfDoelgroep).Geslaagd);
        // Plan B: Drenthe adds JB Friesland to its contract.
        Assert.True(Regel(Gegevens(ontvanger: Jbf, regios: ["friesland", "drenthe"]), ContinuiteitsRegels.RegioOfDoelgroep).Geslaagd);
    }

    [Fact]
    public void GeenTermijnZonderEigenaar_a_deadline_inside_the_handover_needs_an_owner()
    {
        var ots = Ots(termijnen: new OpenTermijn("BesluitVerlenging", Vandaag.AddDays(10)));
        var fout = Regel(Gegevens(maatregelen: [ots]), ContinuiteitsRegels.GeenTermijnZonderEigenaar);
        Assert.False(fout.Geslaagd);
        Assert.Contains("BesluitVerlenging", fout.Toelichting);

        var eigenaar = new Dictionary<(Guid, string), string> { [(ots.MaatregelId, "BesluitVerlenging")] = "JBN" };
        Assert.True(Regel(Gegevens(maatregelen: [ots], eigenaars: eigenaar), ContinuiteitsRegels.GeenTermijnZonderEigenaar).Geslaagd);
        // A deadline after the switch is the receiving GI's own.
        Assert.True(Regel(Gegevens(maatregelen: [Ots(termijnen: new OpenTermijn("Einddatum", Vandaag.AddDays(90)))]), ContinuiteitsRegels.GeenTermijnZonderEigenaar).Geslaagd);
    }

    [Fact]
    public void GezinBlijftSamen_siblings_move_together_unless_split_with_a_reason()
    {
        var broer = Ots();
        var zus = Ots();
        var fout = Regel(Gegevens(maatregelen: [broer], gezin: [broer.MaatregelId, zus.MaatregelId]), ContinuiteitsRegels.GezinBlijftSamen);
        Assert.False(fout.Geslaagd);
        Assert.Contains("hetzelfde gezin", fout.Toelichting);

        Assert.True(Regel(Gegevens(maatregelen: [broer], gezin: [broer.MaatregelId, zus.MaatregelId], splitsen: "zus woont bij vader in Friesland"),
            ContinuiteitsRegels.GezinBlijftSamen).Geslaagd);
        Assert.True(Regel(Gegevens(maatregelen: [broer, zus]), ContinuiteitsRegels.GezinBlijftSamen).Geslaagd);
    }
}
