using Jbk.BuildingBlocks.Hosting;
using Jbk.Maatregelregistratie;

return await JbkHost.RunAsync(args, "maatregelregistratie", new MaatregelregistratieModule());
