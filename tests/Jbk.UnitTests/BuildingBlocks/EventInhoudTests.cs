using Jbk.Contracts.Events;

namespace Jbk.UnitTests.BuildingBlocks;

/// <summary>Integration events carry ids and codes only: a free-text field (a reason, a name) stays in the service that owns it.</summary>
public sealed class EventInhoudTests
{
    // The text fields events may carry: codes and fixed words, never what a person typed.
    private static readonly HashSet<string> Codes =
    [
        "GiCode", "Regio", "Soort", "Status", "Stap", "Wijziging", "VerzendendeGi", "OntvangendeGi", "VanGi", "NaarGi", "JrVariant",
        "Gemeente", "Regios", "Doelgroepen",
        "Volgorde", // the kind and id of the thing the event is about, for the relay; never sent
    ];

    [Fact]
    public void No_integration_event_has_a_free_text_field()
    {
        var typen = typeof(IntegrationEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(typen);
        foreach (var type in typen)
        foreach (var p in type.GetProperties().Where(p => p.PropertyType == typeof(string) || p.PropertyType == typeof(IReadOnlyList<string>)))
            Assert.True(Codes.Contains(p.Name), $"{type.Name}.{p.Name} is text that is not a code: keep it in the owning service.");
    }
}
