using Jbk.BuildingBlocks.Hosting;
using Jbk.Overdracht;

await JbkHost.RunAsync(args, "overdracht", new OverdrachtModule());
