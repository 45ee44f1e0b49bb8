namespace Jbk.UnitTests;

/// <summary>The checkout the tests run from: the committed deployment files are read from it.</summary>
internal static class Repo
{
    public static string Root { get; } = Zoek();

    private static string Zoek()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException("Platform.sln niet gevonden");
    }
}
