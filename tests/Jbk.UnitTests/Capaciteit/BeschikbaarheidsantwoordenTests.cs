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

    private static IReadOnlyList<GiStand> Opname() => new List<GiStand>();

    /// <summary>Judges a question by building a fresh answer, and counts how often it was asked to.</summary>
    private sealed class Oordelen
    {
        public int Aantal { get; private set; }

        public VraagBeschikbaarheidResponse Geef()
        {
            Aantal++;
            return new VraagBeschikbaarheidResponse();
        }
    }

    [Fact]
    public void The_same_question_on_the_same_figures_is_judged_once_and_new_figures_are_judged_again()
    {
        var (antwoorden, opname, oordeel) = (new Beschikbaarheidsantwoorden(), Opname(), new Oordelen());

        var eerste = antwoorden.Geef(opname, Vraag(), oordeel.Geef);
        Assert.Same(eerste, antwoorden.Geef(opname, Vraag(), oordeel.Geef));
        Assert.Equal(1, oordeel.Aantal);

        Assert.NotSame(eerste, antwoorden.Geef(Opname(), Vraag(), oordeel.Geef));
        Assert.Equal(2, oordeel.Aantal);
    }

    [Fact]
    public void Every_field_of_the_question_makes_it_another_question()
    {
        var (antwoorden, opname, oordeel) = (new Beschikbaarheidsantwoorden(), Opname(), new Oordelen());

        Casus[] vragen =
        [
            Vraag(), Vraag(regio: "groningen"), Vraag(type: MaatregelType.Voogdij), Vraag(doelgroepen: ""), Vraag(doelgroepen: "lvb,amv"),
            Vraag(gezin: 3), Vraag(dagen: 1), Vraag(spoed: true),
        ];
        var gegeven = vragen.Select(v => antwoorden.Geef(opname, v, oordeel.Geef)).ToList();
        Assert.Equal(vragen.Length, oordeel.Aantal);
        Assert.Equal(vragen.Length, gegeven.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void Beyond_the_maximum_an_answer_is_judged_each_time_and_not_kept()
    {
        var (antwoorden, opname, oordeel) = (new Beschikbaarheidsantwoorden(), Opname(), new Oordelen());

        for (var i = 0; i < Beschikbaarheidsantwoorden.MaximumPerOpname; i++) antwoorden.Geef(opname, Vraag(gezin: i + 1), oordeel.Geef);
        var voorbij = Vraag(gezin: Beschikbaarheidsantwoorden.MaximumPerOpname + 1);
        antwoorden.Geef(opname, voorbij, oordeel.Geef);
        antwoorden.Geef(opname, voorbij, oordeel.Geef);
        Assert.Equal(Beschikbaarheidsantwoorden.MaximumPerOpname + 2, oordeel.Aantal);
        antwoorden.Geef(opname, Vraag(gezin: 1), oordeel.Geef);
        Assert.Equal(Beschikbaarheidsantwoorden.MaximumPerOpname + 2, oordeel.Aantal);
    }
}
