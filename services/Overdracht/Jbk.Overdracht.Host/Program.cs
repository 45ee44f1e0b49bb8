using Jbk.BuildingBlocks.Hosting;
using Jbk.Overdracht;

return await JbkHost.RunAsync(args, "overdracht", new OverdrachtModule());
