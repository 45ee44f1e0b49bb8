using Jbk.BuildingBlocks.Hosting;
using Jbk.Capaciteit;

return await JbkHost.RunAsync(args, "capaciteit", new CapaciteitModule());
