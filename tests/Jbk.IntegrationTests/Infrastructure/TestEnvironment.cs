namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>Where the real infrastructure runs. scripts/test.sh starts it and sets these; without them the tests fail, never skip.</summary>
internal static class TestEnvironment
{
    public static string RabbitMq => Required("JBK_TEST_RABBITMQ");

    /// <summary>The broker in a virtual host of its own (scripts/infra.sh makes jbk-waarneming and jbk-dapr), for a platform that runs beside others.</summary>
    public static string RabbitMqIn(string vhost) => new UriBuilder(RabbitMq) { Path = "/" + vhost }.Uri.ToString();
    public static string Postgres => Required("JBK_TEST_POSTGRES");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: run the tests with scripts/test.sh, which starts RabbitMQ and PostgreSQL on loopback and sets it.");

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Debug or Release: the hosts were built in the same configuration as this test assembly.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string HostDll(string project) =>
        Path.Combine(RepoRoot, "services", project.Split('.')[1], project, "bin", Configuration, "net10.0", project + ".dll");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
