using Jbk.BuildingBlocks.Hosting;
using Jbk.Capaciteit;
using Jbk.Clientenstop;
using Jbk.Maatregelregistratie;
using Jbk.Overdracht;
using Jbk.Platform.Oefening;

// The rehearsal clock first: when on, every service after it takes it as its clock.
return await JbkHost.RunAsync(args, "jbk-platform", new OefenklokModule(),
    new MaatregelregistratieModule(), new CapaciteitModule(), new OverdrachtModule(), new ClientenstopModule());
