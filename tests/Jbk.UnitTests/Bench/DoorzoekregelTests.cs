using Jbk.Bench.Queryplannen;

namespace Jbk.UnitTests.Bench;

/// <summary>
/// What the benchmark counts in the services' query plans, on plans PostgreSQL 15 itself logged (auto_explain,
/// log_analyze, jsonlog) for statements on a table of 20,000 rows (t: id primary key, x = id % 100) and two of 3 (gi:
/// code primary key; k: x primary key, 5 to 7).
/// </summary>
public sealed class DoorzoekregelTests
{
    private static readonly IReadOnlyList<Uitvoering> Log =
        [.. Uitvoering.UitLog(File.ReadLines(Path.Combine(Repo.Root, "tests/Jbk.UnitTests/Bench/auto_explain-pg15.jsonl")), db => db == "postgres")];

    private static Uitvoering Statement(string begin) => Log.Last(u => u.Tekst.StartsWith(begin, StringComparison.Ordinal));

    [Fact]
    public void A_scan_that_reads_a_table_for_a_few_rows_reads_through_it()
    {
        var scan = Assert.Single(Statement("select count(*) from t where x = 5").Scans());

        Assert.Equal(("Seq Scan", "t", 200L, 19_800L), (scan.Soort, scan.Tabel, scan.Gehouden, scan.Weggegooid));
        Assert.True(Doorzoekregel.LeestDoor(scan));
    }

    [Fact]
    public void An_index_that_does_not_serve_the_condition_reads_through_too()
    {
        var scan = Assert.Single(Statement("set enable_seqscan=off").Scans());

        Assert.Equal(("Index Scan", "t_pkey", 11_879L), (scan.Soort, scan.Index, scan.Weggegooid));
        Assert.True(Doorzoekregel.LeestDoor(scan));
    }

    [Fact]
    public void A_join_that_throws_away_most_pairs_reads_through_counted_over_its_loops()
    {
        var scans = Statement("set enable_hashjoin=off").Scans();

        var join = Assert.Single(scans, s => s.Soort == "Nested Loop");
        Assert.Equal(("t x gi", 600L, 59_400L), (join.Tabel, join.Gehouden, join.Weggegooid));
        Assert.True(Doorzoekregel.LeestDoor(join));
        // The inner index scan ran once for every row of t: its rows are the loops' together.
        Assert.Equal(60_000L, Assert.Single(scans, s => s.Tabel == "gi").Gehouden);
    }

    [Fact]
    public void A_hash_join_that_reads_a_table_whole_to_match_a_few_rows_reads_through()
    {
        var join = Assert.Single(Statement("select t.id from t join k").Scans(), s => s.Soort == "Hash Join");

        Assert.Equal(("t x k", 600L, 19_400L), (join.Tabel, join.Gehouden, join.Weggegooid));
        Assert.True(Doorzoekregel.LeestDoor(join));
    }

    [Theory]
    [InlineData("select * from t where id = 5")] // the primary key finds the row
    [InlineData("select * from t where x = 5 limit 3")] // 202 rows read: below the threshold
    [InlineData("select sum(x) from t")] // every row wanted: nothing thrown away
    [InlineData("select t.id, k.x from t join k on t.id = k.x")] // a merge join that stops reading where its partners end
    public void Statements_that_read_what_they_need_keep_it(string statement)
    {
        Assert.DoesNotContain(Statement(statement).Scans(), Doorzoekregel.LeestDoor);
    }

    [Fact]
    public void Only_the_databases_asked_for_are_read_and_only_their_plans()
    {
        Assert.DoesNotContain(Log, u => u.Tekst.Contains("pg_class", StringComparison.Ordinal));
        Assert.Single(Uitvoering.UitLog(File.ReadLines(Path.Combine(Repo.Root, "tests/Jbk.UnitTests/Bench/auto_explain-pg15.jsonl")), db => db == "jbk_ander"));
    }

    [Fact]
    public void The_overview_counts_each_statement_once_with_what_it_threw_away()
    {
        var overzicht = Queryoverzicht.Van(Log);

        var index = Assert.Single(overzicht, q => q.Tekst == "select * from t where id = 5");
        Assert.Equal((1, 0L, 0), (index.Keren, index.Weggegooid, index.KerenDoorgelezen));
        Assert.Equal(["Index Scan on t using t_pkey"], index.Scans);
        var doorzocht = Assert.Single(overzicht, q => q.Tekst == "select count(*) from t where x = 5");
        Assert.Equal((1, 20_000L, 19_800L, 19_800L), (doorzocht.KerenDoorgelezen, doorzocht.SequentieelGelezen, doorzocht.Weggegooid, doorzocht.Ergste!.Weggegooid));
    }

    [Fact]
    public void A_statement_run_again_and_again_adds_up_what_every_execution_threw_away()
    {
        var doorzoekt = Statement("select count(*) from t where x = 5").Plan;
        var vindt = Statement("select * from t where id = 5").Plan;
        var uitvoeringen = Enumerable.Repeat(doorzoekt, 3).Concat(Enumerable.Repeat(vindt, 7))
            .Select(plan => new Uitvoering("postgres", "select ... where ... = $1", plan));

        var statement = Assert.Single(Queryoverzicht.Van(uitvoeringen));

        Assert.Equal((10, 3, 3 * 19_800L, 3 * 20_000L), (statement.Keren, statement.KerenDoorgelezen, statement.Weggegooid, statement.SequentieelGelezen));
    }
}
