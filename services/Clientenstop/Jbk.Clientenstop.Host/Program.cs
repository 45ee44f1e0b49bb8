using Jbk.BuildingBlocks.Hosting;
using Jbk.Clientenstop;

await JbkHost.RunAsync(args, "clientenstop", new ClientenstopModule());
