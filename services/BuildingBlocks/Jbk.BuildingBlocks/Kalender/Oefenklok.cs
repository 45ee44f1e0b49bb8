namespace Jbk.BuildingBlocks.Kalender;

/// <summary>
/// The rehearsal clock: real time plus an offset that only grows. Every service of the embedded platform reads its date
/// from it, so a calendar rehearsal can play months in minutes while deadlines, court weeks and working days count as
/// they would. Timers stay real: background rounds keep their pace.
/// </summary>
public sealed class Oefenklok : TimeProvider
{
    private long _verschuivingTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _verschuivingTicks));

    /// <summary>Moves the time forward (never back: what happened stays in the past); the new time.</summary>
    public DateTimeOffset ZetVooruit(TimeSpan tijd)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tijd, TimeSpan.Zero);
        Interlocked.Add(ref _verschuivingTicks, tijd.Ticks);
        return GetUtcNow();
    }
}
