using Jbk.Capaciteit.Domain;
using Jbk.Capaciteit.Grpc;
using Jbk.Capaciteit.V1;
using Jbk.Contracts;

namespace Jbk.UnitTests.Capaciteit;

/// <summary>
/// The RvdK's answers kept with the figures they were judged on: the same question on the same figures is judged once;
/// new figures, or any other field of the question, are judged again.
/// </summary>
public sealed class BeschikbaarheidsantwoordenTests
{
    private static readonly DateOnly Dag = new(2026, 12, 1);

    private static Casus Vraag(string regio = "drenthe", MaatregelType type = MaatregelType.Ots, string doelgroepen = "lvb",
        int gezin = 1, int dagen = 0, bool spoed = false) =>
        new(regio, type, doelgroepen.Split(',', StringSplitOptions.RemoveEmptyEntries), gezin, Dag.AddDays(dagen), spoed);

    [Fact]
    public void The_same_question_on_the_same_figures_is_judged_once_and_new_figures_are_judged_again()
    {
        var antwoorden = new Beschikbaarheidsantwoorden();
        IReadOnlyList<GiStand> opname = new List<GiStand>();
        var geoordeeld = 0;
        VraagBeschikbaarheidResponse Oordeel() { geoordeeld++; return new VraagBeschikbaarheidResponse(); }

        var eerste = antwoorden.Geef(opname, Vraag(), Oordeel);
        Assert.Same(eerste, antwoorden.Geef(opname, Vraag(), Oordeel));
        Assert.Equal(1, geoordeeld);

        IReadOnlyList<GiStand> nieuw = new List<GiStand>();
        Assert.NotSame(eerste, antwoorden.Geef(nieuw, Vraag(), Oordeel));
        Assert.Equal(2, geoordeeld);
    }

    [Fact]
    public void Every_field_of_the_question_makes_it_another_question()
    {
        var antwoorden = new Beschikbaarheidsantwoorden();
        IReadOnlyList<GiStand> opname = new List<GiStand>();
        var geoordeeld = 0;
        VraagBeschikbaarheidResponse Oordeel() { geoordeeld++; return new VraagBeschikbaarheidResponse(); }

        Casus[] vragen =
        [
            Vraag(), Vraag(regio: "groningen"), Vraag(type: MaatregelType.Voogdij), Vraag(doelgroepen: ""), Vraag(doelgroepen: "lvb,amv"),
            Vraag(gezin: 3), Vraag(dagen: 1), Vraag(spoed: true),
        ];
        var gegeven = vragen.Select(v => antwoorden.Geef(opname, v, Oordeel)).ToList();
        Assert.Equal(vragen.Length, geoordeeld);
        Assert.Equal(vragen.Length, gegeven.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void Beyond_the_maximum_an_answer_is_judged_each_time_and_not_kept()
    {
        var antwoorden = new Beschikbaarheidsantwoorden();
        IReadOnlyList<GiStand> opname = new List<GiStand>();
        var geoordeeld = 0;
        VraagBeschikbaarheidResponse Oordeel() { geoordeeld++; return new VraagBeschikbaarheidResponse(); }

        for (var i = 0; i < Beschikbaarheidsantwoorden.MaximumPerOpname; i++) antwoorden.Geef(opname, Vraag(gezin: i + 1), Oordeel);
        var voorbij = Vraag(gezin: Beschikbaarheidsantwoorden.MaximumPerOpname + 1);
        antwoorden.Geef(opname, voorbij, Oordeel);
        antwoorden.Geef(opname, voorbij, Oordeel);
        Assert.Equal(Beschikbaarheidsantwoorden.MaximumPerOpname + 2, geoordeeld);
        antwoorden.Geef(opname, Vraag(gezin: 1), Oordeel);
        Assert.Equal(Beschikbaarheidsantwoorden.MaximumPerOpname + 2, geoordeeld);
    }
}
