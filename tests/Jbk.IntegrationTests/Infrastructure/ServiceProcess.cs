using Jbk.Topologie;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>One host running as its own operating-system process, as in production.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly Dictionary<string, string> _environment;
    private readonly string _logFile;
    private Process? _process;

    /// <summary>One process of the topology, with exactly the settings the topology renders for it (as scripts/distributed.sh starts it).</summary>
    public ServiceProcess(Jbk.Topologie.Proces proces, string logDir)
    {
        Name = proces.Naam;
        _dll = Path.Combine(TestEnvironment.RepoRoot, proces.Dienst.Dll(TestEnvironment.Configuration));
        _environment = new Dictionary<string, string>(proces.Omgeving);
        GrpcPort = proces.GrpcPoort;
        HttpPort = proces.HttpPoort;
        _logFile = Path.Combine(logDir, Name + ".log");
    }

    public ServiceProcess(string name, string hostProject, Dictionary<string, string> environment, string logDir)
    {
        Name = name;
        _dll = TestEnvironment.HostDll(hostProject);
        _environment = environment;
        GrpcPort = VrijePoorten.Een();
        HttpPort = VrijePoorten.Een();
        _environment["Jbk__GrpcPort"] = GrpcPort.ToString();
        _environment["Jbk__HttpPort"] = HttpPort.ToString();
        _logFile = Path.Combine(logDir, name + ".log");
    }

    public string Name { get; }
    public int GrpcPort { get; }
    public int HttpPort { get; }
    public string Address => $"http://127.0.0.1:{GrpcPort}";
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The process's exit code once it has stopped (for a start that must fail).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process!.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"{Name} did not stop within {timeout}:\n{Tail()}"); }
        return _process.ExitCode;
    }

    public void Start()
    {
        if (!File.Exists(_dll)) throw new FileNotFoundException($"{_dll} is not built; build Platform.sln first.");
        var info = new ProcessStartInfo("dotnet", [_dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_logFile)!,
        };
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        _process = Process.Start(info)!;
        var log = new StreamWriter(_logFile, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the process again and waits until its gRPC service is SERVING.</summary>
    public async Task StartEnWachtAsync()
    {
        Start();
        await WaitUntilServingAsync(DistributedPlatform.GrpcServices[Name.Split('-')[0]]);
    }

    /// <summary>Waits until grpc.health.v1 says the service is SERVING.</summary>
    public async Task WaitUntilServingAsync(string grpcService, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        using var channel = GrpcChannel.ForAddress(Address);
        var client = new Health.HealthClient(channel);
        while (true)
        {
            if (_process is { HasExited: true })
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Tail()}");
            try
            {
                var reply = await client.CheckAsync(new HealthCheckRequest { Service = grpcService }, deadline: DateTime.UtcNow.AddSeconds(5));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} did not become SERVING:\n{Tail()}");
            await Task.Delay(250);
        }
    }

    /// <summary>Kills the process at once, as a crash would: no graceful shutdown, nothing flushed.</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public string Tail(int lines = 60)
    {
        try { return string.Join('\n', File.ReadLines(_logFile).TakeLast(lines)); }
        catch (IOException) { return "(no log)"; }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
