using Jbk.Bench;

// The one benchmark command: dotnet run -c Release --project bench/Jbk.Bench -- <planner|optimaal|p1|plan|p2|queryplannen|p4|all> [--kort] [--json pad] [--aantal n]
// Every figure is printed next to the limit measured in the same run; --kort is the CI smoke run (small, short, no timings judged).
if (args is ["echo-server", var poort]) { await EchoServer.DraaiAsync(int.Parse(poort)); return 0; }

var naam = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
var kort = args.Contains("--kort");
var json = args.SkipWhile(a => a != "--json").Skip(1).FirstOrDefault();
var aantal = args.SkipWhile(a => a != "--aantal").Skip(1).FirstOrDefault() is { } n ? int.Parse(n) : (int?)null;
string[] bekend = ["planner", "optimaal", "p1", "plan", "p2", "queryplannen", "p4", "all"];
if (!bekend.Contains(naam))
{
    Console.Error.WriteLine($"Onbekende benchmark '{naam}'; kies uit {string.Join(", ", bekend)}.");
    return 2;
}

var werkmap = Directory.CreateTempSubdirectory("jbk-bench.").FullName;
Console.WriteLine($"JBK benchmark on {Environment.ProcessorCount} cores, .NET {Environment.Version}{(kort ? " (short smoke run)" : "")}; logs in {werkmap}");
var metingen = new List<Meting>();
if (naam is "planner" or "all")
{
    Console.WriteLine("planner");
    metingen.AddRange(PlannerBench.Meet(kort ? [388] : [388, 32_000]));
}
if (naam is "optimaal" or "all")
{
    Console.WriteLine("optimal planner (CP-SAT) vs greedy");
        // The rehearsal's caseload, an unseen one (another seed) at both sizes, and national scale.
    metingen.AddRange(OptimaalBench.Meet(kort ? [(388, 2024)] : [(388, 2024), (60, 7), (388, 7), (32_000, 2024)], new Jbk.Planning.PlannerOpties { Tijdslimiet = kort ? 5 : 15 }));
}
if (naam is "p1" or "plan" or "all")
{
    await using var platform = await Embedded.StartAsync(werkmap);
    if (naam is "p1" or "all")
    {
        Console.WriteLine("P1 availability (embedded) vs bare echo");
        metingen.AddRange(await BeschikbaarheidBench.MeetAsync(platform, werkmap, TimeSpan.FromSeconds(kort ? 2 : 10)));
    }
    if (naam is "plan" or "all")
    {
        Console.WriteLine("PlanScenario on the platform (embedded)");
        metingen.AddRange(await PlanScenarioBench.MeetAsync(platform, kort ? 40 : 388));
    }
}
if (naam is "p2" or "all")
{
    Console.WriteLine("P2 Drenthe transfer, distributed (scripts/drenthe.sh --gedistribueerd) vs pgbench");
    metingen.AddRange(await BulkBench.MeetAsync(werkmap, aantal ?? (kort ? 60 : 388)));
}
if (naam is "queryplannen" or "all")
{
    Console.WriteLine("Query plans of the distributed Drenthe transfer (PostgreSQL's auto_explain): the rows they read and threw away");
    metingen.AddRange(await Jbk.Bench.Queryplannen.QueryplanBench.MeetAsync(werkmap, aantal ?? (kort ? 60 : 2_000)));
}
if (naam is "p4" or "all")
{
    Console.WriteLine("P4 registrations, distributed, and capaciteit's lag vs pgbench");
    metingen.AddRange(await IngestBench.MeetAsync(werkmap, TimeSpan.FromSeconds(kort ? 5 : 60)));
}
Console.WriteLine();
foreach (var m in metingen) Console.WriteLine(m);
if (json is not null) Metingen.Schrijf(json, metingen);
return 0;
