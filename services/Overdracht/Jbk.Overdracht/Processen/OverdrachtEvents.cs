using Jbk.Contracts.Events;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;

namespace Jbk.Overdracht.Processen;

internal static class OverdrachtEvents
{
    /// <summary>Every step publishes the handover's new state (ids and codes only).</summary>
    public static OverdrachtStapGezet Stap(OverdrachtProces o) => new(o.Id, o.VerzendendeGi, o.OntvangendeGi, o.Status.ToString(),
        o.Historie.Count > 0 ? o.Historie[^1].Wat : "", o.Maatregelen.Select(m => m.MaatregelId).ToList());
}
