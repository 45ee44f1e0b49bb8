using Jbk.BuildingBlocks.Hosting;
using Jbk.Capaciteit;

await JbkHost.RunAsync(args, "capaciteit", new CapaciteitModule());
