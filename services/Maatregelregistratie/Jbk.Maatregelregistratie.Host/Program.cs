using Jbk.BuildingBlocks.Hosting;
using Jbk.Maatregelregistratie;

await JbkHost.RunAsync(args, "maatregelregistratie", new MaatregelregistratieModule());
