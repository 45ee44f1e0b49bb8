using Jbk.Overdracht.Processen;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.Overdracht.Domain;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.UnitTests.Overdracht;

/// <summary>The steps of a handover in their order, with who may take each, and cancel before the switch.</summary>
public sealed class OverdrachtProcesTests
{
    private static readonly Caller Jbn = new(Organisatie.Gi("JBN"), "jb-1", null);
    private static readonly Caller Wss = new(Organisatie.Gi("WSS"), "jb-9", null);
    private static readonly Caller Jbf = new(Organisatie.Gi("JBF"), "jb-5", null);
    private static readonly DateTime Nu = new(2025, 9, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly RegelUitkomst[] Geslaagd = [new("VerzenderIsVerantwoordelijk", true, "ok")];

    private static OverdrachtProces Nieuw(params MaatregelType[] types) => OverdrachtProces.VraagAan(Guid.NewGuid(), Jbn, "WSS", new DateOnly(2025, 10, 1),
        (types.Length == 0 ? [MaatregelType.Ots] : types).Select(t => new OverdrachtMaatregel(Guid.NewGuid(), t, Guid.NewGuid())).ToList(), null, Nu);

    private static OverdrachtProces Geaccepteerd(params MaatregelType[] types)
    {
        var o = Nieuw(types);
        o.LegControlesVast(Geslaagd, Jbn, Nu);
        o.LegReserveringVast(["r1"], Jbn, Nu);
        o.LegDossierCompleetVast([], Jbn, Nu);
        o.Accepteer(Wss, Nu);
        return o;
    }

    [Fact]
    public void Every_step_in_order_reaches_the_switch_and_completion_with_a_history_of_who_and_when()
    {
        var o = Geaccepteerd();
        o.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 5), Jbn, Nu);
        o.LegRechterlijkBesluitVast("C/19/123", new DateOnly(2025, 9, 20), Wss, Nu);
        o.LegWarmeOverdrachtVast(new DateOnly(2025, 9, 25), Jbn, Nu);
        o.LegOmzettingVast(Nu.AddDays(30), Jbn, Nu);
        o.Voltooi(Wss, Nu);

        Assert.Equal(OverdrachtStatus.Voltooid, o.Status);
        Assert.Equal(["aangevraagd", "gecontroleerd", "capaciteit gereserveerd", "dossier geleverd", "geaccepteerd", "verzoek aan rechter", "besluit rechter",
            "warme overdracht gehouden", "verantwoordelijkheid omgezet", "voltooid"], o.Historie.Select(s => s.Wat));
        Assert.Equal("gi:WSS", o.Historie.Single(s => s.Wat == "geaccepteerd").Organisatie);
    }

    [Fact]
    public void A_step_repeated_with_the_same_facts_adds_nothing_to_the_history()
    {
        var o = Geaccepteerd();
        for (var i = 0; i < 3; i++)
        {
            o.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 5), Jbn, Nu);
            o.LegRechterlijkBesluitVast("C/19/123 ", new DateOnly(2025, 9, 20), Wss, Nu);
            o.LegWarmeOverdrachtVast(new DateOnly(2025, 9, 25), Jbn, Nu);
        }
        Assert.Equal(1, o.Historie.Count(s => s.Wat == "verzoek aan rechter"));
        Assert.Equal(1, o.Historie.Count(s => s.Wat == "besluit rechter"));
        Assert.Equal(1, o.Historie.Count(s => s.Wat == "warme overdracht gehouden"));
        // Other facts are recorded: a corrected date of the warm handover, then a reason to skip it after all.
        o.LegWarmeOverdrachtVast(new DateOnly(2025, 9, 26), Jbn, Nu);
        o.ZieAfVanWarmeOverdracht("gezin verhuisd", Jbn, Nu);
        o.ZieAfVanWarmeOverdracht("gezin verhuisd", Jbn, Nu);
        Assert.Equal(2, o.Historie.Count(s => s.Wat == "warme overdracht gehouden"));
        Assert.Equal(1, o.Historie.Count(s => s.Wat == "afgezien van warme overdracht"));
    }

    [Fact]
    public void A_failed_continuity_rule_refuses_the_handover_and_names_the_rule()
    {
        var o = Nieuw();
        o.LegControlesVast([new("OntvangerGecertificeerd", false, "beëindigingscertificaat")], Jbn, Nu);
        Assert.Equal(OverdrachtStatus.Geweigerd, o.Status);
        Assert.Contains("OntvangerGecertificeerd", o.Historie.Last().Toelichting);
    }

    [Fact]
    public void No_switch_without_the_courts_decision_and_a_warm_handover_or_a_reason_to_skip_it()
    {
        var o = Geaccepteerd(MaatregelType.Ots, MaatregelType.Muhp);
        var ex = Assert.Throws<RegelGeschondenException>(() => o.LegOmzettingVast(Nu, Jbn, Nu));
        Assert.Contains("besluit van de rechter", ex.Message);
        Assert.Contains("warme overdracht", ex.Message);

        o.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 5), Jbn, Nu);
        o.LegRechterlijkBesluitVast("C/19/1", new DateOnly(2025, 9, 20), Wss, Nu);
        o.ZieAfVanWarmeOverdracht("jeugdbeschermer verhuist mee met het gezin", Jbn, Nu);
        o.LegOmzettingVast(Nu, Jbn, Nu);
        Assert.Equal(OverdrachtStatus.Omgezet, o.Status);
    }

    [Fact]
    public void Jeugdreclassering_moves_without_a_court_step() =>
        Assert.False(Geaccepteerd(MaatregelType.Jeugdreclassering).VraagtRechter);

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var o = Nieuw();
        Assert.Equal("StapVolgorde", Assert.Throws<RegelGeschondenException>(() => o.Accepteer(Wss, Nu)).Regel);
        Assert.Equal("StapVolgorde", Assert.Throws<RegelGeschondenException>(() => o.LegReserveringVast(["r"], Jbn, Nu)).Regel);
    }

    [Fact]
    public void Only_the_receiving_GI_accepts_and_only_a_party_records_the_court_decision()
    {
        var o = Nieuw();
        o.LegControlesVast(Geslaagd, Jbn, Nu);
        o.LegReserveringVast(["r1"], Jbn, Nu);
        o.LegDossierCompleetVast([], Jbn, Nu);
        Assert.Throws<GeenToegangException>(() => o.Accepteer(Jbn, Nu));
        Assert.Throws<GeenToegangException>(() => o.Accepteer(Jbf, Nu));
        o.Accepteer(Wss, Nu);
        Assert.Throws<GeenToegangException>(() => o.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 2), Jbf, Nu));
        // The operator watches the chain; it never acts on a single handover (the RPC policy says so first).
        var ketenregie = new Caller(Organisatie.Operator, "op-1", null);
        Assert.Throws<GeenToegangException>(() => o.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 2), ketenregie, Nu));
        Assert.Throws<GeenToegangException>(() => o.Annuleer("geen reden", ketenregie, Nu));
        Assert.Equal("StapVolgorde", Assert.Throws<RegelGeschondenException>(() => o.LegRechterlijkBesluitVast("C/1", new DateOnly(2025, 9, 2), Wss, Nu)).Regel);
    }

    [Fact]
    public void An_incomplete_dossier_names_what_is_missing()
    {
        var o = Nieuw();
        o.LegControlesVast(Geslaagd, Jbn, Nu);
        o.LegReserveringVast(["r1"], Jbn, Nu);
        var ontbrekend = DossierChecklist.Ontbrekend(o.Maatregelen, [(o.Maatregelen[0].MaatregelId, DocumentSoort.Beschikking)]);
        var ex = Assert.Throws<RegelGeschondenException>(() => o.LegDossierCompleetVast(ontbrekend, Jbn, Nu));
        Assert.Contains("PlanVanAanpak", ex.Message);
        Assert.DoesNotContain("SchriftelijkeAanwijzing", ex.Message);
    }

    [Fact]
    public void Cancel_is_possible_before_the_switch_and_refused_after_it()
    {
        var vroeg = Geaccepteerd();
        vroeg.Annuleer("ontvanger kan toch geen vaste jeugdbeschermer leveren", Jbn, Nu);
        Assert.Equal(OverdrachtStatus.Geannuleerd, vroeg.Status);
        vroeg.Annuleer("nogmaals", Jbn, Nu); // the same cancel again changes nothing
        Assert.Single(vroeg.Historie, s => s.Wat == "geannuleerd");

        var laat = Geaccepteerd();
        laat.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 5), Jbn, Nu);
        laat.LegRechterlijkBesluitVast("C/19/1", new DateOnly(2025, 9, 20), Wss, Nu);
        laat.LegWarmeOverdrachtVast(new DateOnly(2025, 9, 25), Jbn, Nu);
        laat.LegOmzettingVast(Nu, Jbn, Nu);
        Assert.Equal("AnnulerenVoorOmzetting", Assert.Throws<RegelGeschondenException>(() => laat.Annuleer("te laat", Jbn, Nu)).Regel);
    }

    [Fact]
    public void A_switch_stopped_by_a_rule_withdraws_the_request_names_the_rule_and_lets_the_GIs_cancel()
    {
        var o = Geaccepteerd();
        o.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 5), Jbn, Nu);
        o.LegRechterlijkBesluitVast("C/19/1", new DateOnly(2025, 9, 20), Wss, Nu);
        o.LegWarmeOverdrachtVast(new DateOnly(2025, 9, 25), Jbn, Nu);
        o.VraagOmzettingAan(Nu, Wss, Nu);
        Assert.Equal("AnnulerenVoorOmzetting", Assert.Throws<RegelGeschondenException>(() => o.Annuleer("te laat", Jbn, Nu)).Regel);

        o.StopOmzetting("GeenTermijnZonderEigenaar bij omzetting: termijn zonder eigenaar", OverdrachtVoortzetter.Dienst, Nu);
        o.StopOmzetting("nogmaals", OverdrachtVoortzetter.Dienst, Nu); // nothing left to stop

        Assert.Null(o.OmzettingGevraagdOpUtc);
        Assert.Equal(OverdrachtStatus.Geaccepteerd, o.Status);
        Assert.StartsWith("GeenTermijnZonderEigenaar", o.Vastgelopen);
        Assert.Single(o.Historie, s => s.Wat == "omzetting gestopt");
        o.Annuleer("een nieuwe overdracht volgt, met een eigenaar voor de termijn", Jbn, Nu);
        Assert.Equal(OverdrachtStatus.Geannuleerd, o.Status);
    }

    [Fact]
    public void The_same_switch_recorded_twice_is_recorded_once()
    {
        var o = Geaccepteerd();
        o.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 5), Jbn, Nu);
        o.LegRechterlijkBesluitVast("C/19/1", new DateOnly(2025, 9, 20), Wss, Nu);
        o.LegWarmeOverdrachtVast(new DateOnly(2025, 9, 25), Jbn, Nu);
        o.LegOmzettingVast(Nu, Jbn, Nu);
        o.LegOmzettingVast(Nu, Jbn, Nu);
        Assert.Single(o.Historie, s => s.Wat == "verantwoordelijkheid omgezet");
    }

    [Fact]
    public void The_court_is_asked_what_the_kinds_of_measure_need()
    {
        var o = Geaccepteerd(MaatregelType.Ots, MaatregelType.Voogdij);
        Assert.Contains("vervanging van de GI", o.VerzoekAanRechter);
        Assert.Contains("bereidverklaring van WSS en ontslag van JBN", o.VerzoekAanRechter);
    }

    [Fact]
    public void A_switched_handover_without_vaste_jeugdbeschermer_after_the_allowed_working_days_is_flagged()
    {
        var o = Geaccepteerd();
        o.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 5), Jbn, Nu);
        o.LegRechterlijkBesluitVast("C/19/1", new DateOnly(2025, 9, 20), Wss, Nu);
        o.LegWarmeOverdrachtVast(new DateOnly(2025, 9, 25), Jbn, Nu);
        o.LegOmzettingVast(new DateTime(2025, 10, 1, 9, 0, 0, DateTimeKind.Utc), Jbn, Nu);
        var werkdagen = new Jbk.BuildingBlocks.Kalender.Werkdagen(new Jbk.BuildingBlocks.Kalender.Feestdagen());

        Assert.False(o.IsVoltooiingTeLaat(new DateOnly(2025, 10, 15), werkdagen, 10)); // 1 Oct + 10 working days = 15 Oct
        Assert.True(o.IsVoltooiingTeLaat(new DateOnly(2025, 10, 16), werkdagen, 10));
    }

    [Fact]
    public void No_cancel_once_the_switch_was_asked_for()
    {
        var o = Geaccepteerd();
        o.DienVerzoekBijRechterIn(new DateOnly(2025, 9, 5), Jbn, Nu);
        o.LegRechterlijkBesluitVast("C/19/124", new DateOnly(2025, 9, 20), Wss, Nu);
        o.LegWarmeOverdrachtVast(new DateOnly(2025, 9, 25), Jbn, Nu);
        o.VraagOmzettingAan(Nu.AddDays(30), Jbn, Nu);

        var ex = Assert.Throws<RegelGeschondenException>(() => o.Annuleer("toch niet", Jbn, Nu));
        Assert.Equal("AnnulerenVoorOmzetting", ex.Regel);
        Assert.Equal(OverdrachtStatus.Geaccepteerd, o.Status);
    }
}
