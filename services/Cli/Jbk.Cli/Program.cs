using System.CommandLine;
using Grpc.Core;
using Jbk.Cli;
using Jbk.Cli.Commands;

var root = new RootCommand("jbk: de command line van het JBK-platform (jeugdbeschermingsketen)");
GlobaleOpties.VoegToe(root);
foreach (var command in new[] { TokenCommand.Maak(), HealthCommand.Maak(), MaatregelCommands.Maak(),
             CapaciteitCommands.Maak(), OverdrachtCommands.Maak(), ClientenstopCommands.Maak(), ScenarioCommands.Maak(), WatAlsCommand.Maak(), TopologieCommands.Maak(), AuditCommands.Maak() })
    root.Subcommands.Add(command);

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CliException ex)
{
    Console.Error.WriteLine($"jbk: {ex.Message}");
    return 2;
}
catch (TimeoutException ex)
{
    // A rehearsal that stands still says what is open instead of hanging.
    Console.Error.WriteLine($"jbk: vastgelopen: {ex.Message}");
    return 3;
}
catch (RpcException ex)
{
    // The service's message is written for people; the status code tells scripts what kind of refusal it was.
    Console.Error.WriteLine($"jbk: {ex.StatusCode}: {ex.Status.Detail}");
    return 1;
}
