namespace Jbk.Bench.Queryplannen;

/// <summary>
/// When one execution reads through a table to find a part of it: a scan threw away at least <see cref="Drempel"/> rows
/// it read, and more than it kept (an index it lacks, or one the planner cannot use for that condition), or a join threw
/// away that many rows it read or pairs it made (one lacking on its join key).
/// Counted per statement and reported, not judged: PostgreSQL rightly reads a table of a few thousand rows whole for a
/// batch of keys (<c>= ANY</c> of 64 ids, a hash join), and plans some executions on statistics that lag behind a table
/// filling in seconds (autovacuum analyzes at most once a minute). What shows a missing index is what it costs: the rows
/// thrown away per measure, which the benchmark reports per database.
/// </summary>
public static class Doorzoekregel
{
    public const long Drempel = 1_000;

    public static bool LeestDoor(Scan scan) => scan.Weggegooid >= Drempel && scan.Weggegooid > scan.Gehouden;
}
