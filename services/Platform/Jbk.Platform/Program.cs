using Jbk.BuildingBlocks.Hosting;
using Jbk.Capaciteit;
using Jbk.Clientenstop;
using Jbk.Maatregelregistratie;
using Jbk.Overdracht;

return await JbkHost.RunAsync(args, "jbk-platform",
    new MaatregelregistratieModule(), new CapaciteitModule(), new OverdrachtModule(), new ClientenstopModule());
