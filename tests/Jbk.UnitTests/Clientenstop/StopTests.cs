using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.Clientenstop.Domain;
using Jbk.Contracts;

namespace Jbk.UnitTests.Clientenstop;

public sealed class StopTests
{
    private static readonly Caller Jbn = new(Organisatie.Gi("JBN"), "bestuurder", null);
    private static readonly Caller Assen = new(Organisatie.Gemeente("GM0106"), "wethouder", null);
    private static readonly Caller Groningen = new(Organisatie.Gemeente("GM0014"), "wethouder", null);
    private static readonly Caller Rvdk = new(Organisatie.Rvdk, "raad", null);
    private static readonly Caller Jbf = new(Organisatie.Gi("JBF"), "bestuurder", null);
    private static readonly DateTime Nu = new(2025, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Van = new(2025, 6, 2);

    private static Stop Voorstel() => Stop.StelVoor(Guid.NewGuid(), Jbn, ["drenthe"], [MaatregelType.Ots, MaatregelType.VoorlopigeOts, MaatregelType.Jeugdreclassering],
        true, true, Van, Van.AddMonths(6), "te weinig jeugdbeschermers", Nu);

    private static Stop Goedgekeurd()
    {
        var stop = Voorstel();
        stop.KeurGoed(Assen, "drenthe", Nu);
        stop.KeurGoed(Rvdk, null, Nu);
        return stop;
    }

    [Fact]
    public void An_approval_or_an_objection_made_again_changes_nothing()
    {
        var stop = Voorstel();
        Assert.True(stop.KeurGoed(Assen, "drenthe", Nu));
        Assert.False(stop.KeurGoed(Assen, "drenthe", Nu.AddMinutes(1)));
        Assert.True(stop.MaakBezwaar(Jbf, "kan de instroom niet opvangen", Nu));
        Assert.False(stop.MaakBezwaar(Jbf, " kan de instroom niet opvangen ", Nu.AddMinutes(1)));
        Assert.True(stop.MaakBezwaar(Jbf, "en een tweede, ander bezwaar", Nu));
        Assert.Single(stop.Oordelen, o => o.Soort == "goedkeuring");
        Assert.Equal(2, stop.Oordelen.Count(o => o.Soort == "bezwaar"));
        Assert.Equal(["rvdk"], stop.OntbrekendeGoedkeuringen());
    }

    [Fact]
    public void A_GI_cannot_activate_its_own_stop_without_the_approvals()
    {
        var stop = Voorstel();
        Assert.False(stop.ActiveerIndienTijd(Van, Jbn, Nu));
        Assert.Equal(StopStatus.Voorgesteld, stop.Status);
        Assert.Throws<GeenToegangException>(() => stop.KeurGoed(Jbn, "drenthe", Nu));
        Assert.Equal(["gemeente in drenthe", "rvdk"], stop.OntbrekendeGoedkeuringen());
    }

    [Fact]
    public void A_gemeente_outside_the_region_cannot_approve()
    {
        var stop = Voorstel();
        var ex = Assert.Throws<GeenToegangException>(() => stop.KeurGoed(Groningen, "drenthe", Nu));
        Assert.Contains("GM0014", ex.Message);
    }

    [Fact]
    public void With_the_region_and_the_RvdK_approving_it_activates_on_its_start_date_once()
    {
        var stop = Goedgekeurd();
        Assert.Equal(StopStatus.Goedgekeurd, stop.Status);
        Assert.False(stop.ActiveerIndienTijd(Van.AddDays(-1), Jbn, Nu));
        Assert.True(stop.ActiveerIndienTijd(Van, Jbn, Nu));
        Assert.False(stop.ActiveerIndienTijd(Van, Jbn, Nu));
        Assert.Equal(StopStatus.Actief, stop.Status);
    }

    [Fact]
    public void A_refusal_ends_the_proposal()
    {
        var stop = Voorstel();
        stop.WijsAf(Assen, "drenthe", "geen collega-GI kan de instroom opvangen", Nu);
        Assert.Equal(StopStatus.Afgewezen, stop.Status);
        Assert.Throws<RegelGeschondenException>(() => stop.KeurGoed(Rvdk, null, Nu));
    }

    [Fact]
    public void Colleague_GIs_may_object_which_is_recorded_but_does_not_decide()
    {
        var stop = Voorstel();
        stop.MaakBezwaar(Jbf, "wij kunnen hoogstens tien zaken per maand opvangen", Nu);
        Assert.Contains(stop.Oordelen, o => o.Soort == "bezwaar" && o.Organisatie == "gi:JBF");
        Assert.Equal(StopStatus.Voorgesteld, stop.Status);
    }

    [Fact]
    public void Spoed_and_JR_stay_open_while_the_stop_is_active()
    {
        var stop = Goedgekeurd();
        stop.ActiveerIndienTijd(Van, Jbn, Nu);
        Assert.True(stop.GeldtVoor("drenthe", MaatregelType.Ots, spoed: false));
        Assert.False(stop.GeldtVoor("drenthe", MaatregelType.VoorlopigeOts, spoed: true));
        Assert.False(stop.GeldtVoor("drenthe", MaatregelType.Jeugdreclassering, spoed: false));
        Assert.False(stop.GeldtVoor("groningen", MaatregelType.Ots, spoed: false));
    }

    [Fact]
    public void Lifted_at_the_end_date_or_earlier_by_the_GI_only()
    {
        var stop = Goedgekeurd();
        stop.ActiveerIndienTijd(Van, Jbn, Nu);
        Assert.False(stop.HefOp(Jbn, Van.AddMonths(1), opEinddatum: true, Nu));
        Assert.Throws<GeenToegangException>(() => stop.HefOp(Assen, Van.AddMonths(1), opEinddatum: false, Nu));
        Assert.True(stop.HefOp(Jbn, Van.AddMonths(1), opEinddatum: false, Nu));
        Assert.Equal(Van.AddMonths(1), stop.Tot);
        Assert.True(Goedgekeurd() is var tweede && tweede.ActiveerIndienTijd(Van, Jbn, Nu) && tweede.HefOp(Jbn, Van.AddMonths(6), opEinddatum: true, Nu));
    }

    [Fact]
    public void An_extension_needs_fresh_approvals()
    {
        var stop = Goedgekeurd();
        stop.ActiveerIndienTijd(Van, Jbn, Nu);
        stop.StelVerlengingVoor(Jbn, Van.AddMonths(9), Nu.AddDays(10));
        Assert.Equal(["gemeente in drenthe", "rvdk"], stop.OntbrekendeGoedkeuringen());
        stop.KeurGoed(Assen, "drenthe", Nu.AddDays(11));
        stop.KeurGoed(Rvdk, null, Nu.AddDays(12));
        Assert.Equal(Van.AddMonths(9), stop.Tot);
        Assert.Equal(StopStatus.Actief, stop.Status);
    }

    [Fact]
    public void The_impact_numbers_for_a_hand_made_case()
    {
        var stop = Voorstel();
        var weken = new[] { "2025-W18", "2025-W19", "2025-W20", "2025-W21" };
        Instroom Rij(MaatregelType type, string week, string gi = "JBN", string regio = "drenthe") =>
            new() { MaatregelId = Guid.NewGuid(), GiCode = gi, Type = type, Regio = regio, Week = week };
        var instroom = new List<Instroom>();
        foreach (var week in weken)
        {
            instroom.AddRange(Enumerable.Range(0, 5).Select(_ => Rij(MaatregelType.Ots, week)));   // 5 OTS a week
            instroom.Add(Rij(MaatregelType.VoorlopigeOts, week));                                    // spoed: stays open
            instroom.Add(Rij(MaatregelType.Jeugdreclassering, week));                                // JR: stays open
            instroom.Add(Rij(MaatregelType.Ots, week, gi: "JBF"));                                   // another GI's inflow
        }
        instroom.Add(Rij(MaatregelType.Ots, "2025-W10"));                                             // outside the window

        var opvang = new[]
        {
            new Opvang(MaatregelType.Ots, new Dictionary<string, decimal> { ["JBF"] = 12, ["JBO"] = 18, ["WSS"] = 0 }),
        };
        var impact = Impact.Bereken(stop, instroom, weken, opvang);

        Assert.Equal(5m, impact.InstroomPerWeek);
        Assert.Equal(30m, impact.VrijBijAnderen);
        Assert.Equal(6m, impact.WekenOpvangbaar);
        Assert.Empty(impact.TypesZonderAfnemer);
        Assert.Equal(2, impact.PerType.Single(p => p.Type == MaatregelType.Ots).AantalAfnemers);

        var zonderAfnemer = Impact.Bereken(stop, instroom, weken, [new Opvang(MaatregelType.Ots, new Dictionary<string, decimal>())]);
        Assert.Equal([MaatregelType.Ots], zonderAfnemer.TypesZonderAfnemer);
    }
}
