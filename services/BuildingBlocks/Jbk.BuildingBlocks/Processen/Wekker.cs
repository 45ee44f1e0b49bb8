namespace Jbk.BuildingBlocks.Processen;

/// <summary>Wakes a background process as soon as there is work for it, instead of at its next poll.</summary>
public class Wekker
{
    private readonly SemaphoreSlim _signaal = new(0, 1);

    public void Geef()
    {
        // At most one pending wake-up: the process looks at everything when it wakes.
        if (_signaal.CurrentCount == 0) try { _signaal.Release(); } catch (SemaphoreFullException) { }
    }

    /// <summary>True when woken, false when <paramref name="maximaal"/> passed.</summary>
    public Task<bool> WachtAsync(TimeSpan maximaal, CancellationToken ct) => _signaal.WaitAsync(maximaal, ct);
}
