namespace Jbk.Overdracht.Processen;

/// <summary>Wakes a background process as soon as there is work, instead of at its next poll.</summary>
public abstract class Signaal
{
    private readonly SemaphoreSlim _signaal = new(0, 1);

    public void Geef()
    {
        if (_signaal.CurrentCount == 0) try { _signaal.Release(); } catch (SemaphoreFullException) { }
    }

    /// <summary>True when woken, false when <paramref name="maximaal"/> passed.</summary>
    public Task<bool> WachtAsync(TimeSpan maximaal, CancellationToken ct) => _signaal.WaitAsync(maximaal, ct);
}

/// <summary>A command changed a handover: the handover process looks at once.</summary>
public sealed class OverdrachtSignaal : Signaal;

/// <summary>A handover moved: the scenario process looks at once.</summary>
public sealed class ScenarioSignaal : Signaal;
