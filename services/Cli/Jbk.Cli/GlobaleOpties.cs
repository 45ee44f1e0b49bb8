using System.CommandLine;

namespace Jbk.Cli;

/// <summary>Options every command takes; each falls back to an environment variable.</summary>
internal static class GlobaleOpties
{
    public static readonly Option<string> Adres = new("--adres")
    {
        Description = "gRPC-adres van de service (embedded: alle services op één adres). Omgeving: JBK_ADRES",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JBK_ADRES") ?? "http://127.0.0.1:5080",
        Recursive = true,
    };

    public static readonly Option<string?> Org = new("--org")
    {
        Description = "Organisatie waarvoor u handelt: gi:<code>, rvdk, gemeente:<code> of operator. Omgeving: JBK_ORG",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JBK_ORG"),
        Recursive = true,
    };

    public static readonly Option<string> Gebruiker = new("--gebruiker")
    {
        Description = "Pseudoniem van de handelende gebruiker. Omgeving: JBK_GEBRUIKER",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JBK_GEBRUIKER") ?? Environment.UserName,
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "Bearer-token; zonder token maakt de CLI er een met de lokale sleutel van het embedded platform. Omgeving: JBK_TOKEN",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JBK_TOKEN"),
        Recursive = true,
    };

    public static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = "Datamap van het embedded platform (daar staat de lokale sleutel). Omgeving: JBK_DATA_DIR",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JBK_DATA_DIR") ?? ".jbk",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Uitvoer als JSON, voor scripts",
        Recursive = true,
    };

    public static void VoegToe(RootCommand root)
    {
        foreach (var optie in new Option[] { Adres, Org, Gebruiker, Token, DataDir, Json }) root.Options.Add(optie);
    }
}
