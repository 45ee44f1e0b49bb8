using Jbk.BuildingBlocks.Hosting;
using Jbk.Clientenstop;

return await JbkHost.RunAsync(args, "clientenstop", new ClientenstopModule());
