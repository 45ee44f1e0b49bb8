using Jbk.Topologie;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>
/// A stand-in for the Dapr sidecar (no Dapr runtime is installable here): a gRPC server on loopback that speaks Dapr's own
/// API, <c>dapr.proto.runtime.v1.Dapr</c> (the messages of the Dapr.Protos package), for the calls the platform makes:
/// GetSecret, InvokeBinding, GetConfiguration and SubscribeConfiguration. The services' DaprClient talks to it over the
/// wire exactly as to a sidecar. It records what it answered so tests can check it.
/// </summary>
public sealed class DaprStandIn : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly ConcurrentDictionary<string, string> _configuratie = new();
    private readonly ConcurrentDictionary<Guid, Channel<IReadOnlyDictionary<string, string>>> _abonnees = new();

    private DaprStandIn(int poort) => Adres = $"http://127.0.0.1:{poort}";

    public string Adres { get; }

    /// <summary>Secret store contents: (store, secret) to its keys and values.</summary>
    public ConcurrentDictionary<(string Opslag, string Geheim), Dictionary<string, string>> Geheimen { get; } = new();

    /// <summary>Whether output bindings succeed now; while false, InvokeBinding answers UNAVAILABLE (the component's target is down).</summary>
    public volatile bool BindingBeschikbaar = true;

    /// <summary>Binding invocations that succeeded, in order.</summary>
    public ConcurrentQueue<(string Binding, string Operatie, string Data, IReadOnlyDictionary<string, string> Metadata)> Afgeleverd { get; } = new();

    public int Geweigerd;
    public int GeheimVragen;
    public int ConfiguratieAbonnementen => _abonnees.Count;

    public static async Task<DaprStandIn> StartAsync()
    {
        var poort = VrijePoorten.Een();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(poort, l => l.Protocols = HttpProtocols.Http2));
        var standIn = new DaprStandIn(poort);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(standIn);
        standIn._app = builder.Build();
        standIn._app.MapGrpcService<DaprApi>();
        await standIn._app.StartAsync();
        return standIn;
    }

    public IReadOnlyDictionary<string, string> Configuratie => _configuratie;

    /// <summary>Sets configuration items and pushes them to every subscriber, as a store change does.</summary>
    public void ZetConfiguratie(IReadOnlyDictionary<string, string> items)
    {
        foreach (var (k, v) in items) _configuratie[k] = v;
        foreach (var abonnee in _abonnees.Values) abonnee.Writer.TryWrite(items);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var abonnee in _abonnees.Values) abonnee.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// The service as grpc-dotnet binds generated code: the attributed base declares the methods (found by name), the
    /// descriptors are built from Dapr's messages.
    /// </summary>
    [BindServiceMethod(typeof(DaprApiBasis), nameof(Bind))]
    private abstract class DaprApiBasis
    {
        private const string Service = "dapr.proto.runtime.v1.Dapr";

        public abstract Task<GetSecretResponse> GetSecret(GetSecretRequest request, ServerCallContext context);
        public abstract Task<InvokeBindingResponse> InvokeBinding(InvokeBindingRequest request, ServerCallContext context);
        public abstract Task<GetConfigurationResponse> GetConfiguration(GetConfigurationRequest request, ServerCallContext context);
        public abstract Task SubscribeConfiguration(SubscribeConfigurationRequest request, IServerStreamWriter<SubscribeConfigurationResponse> stroom, ServerCallContext context);

        private static Method<TVraag, TAntwoord> Methode<TVraag, TAntwoord>(MethodType soort, string naam, MessageParser<TVraag> vraag, MessageParser<TAntwoord> antwoord)
            where TVraag : class, IMessage<TVraag> where TAntwoord : class, IMessage<TAntwoord> =>
            new(soort, Service, naam, Marshallers.Create(m => m.ToByteArray(), vraag.ParseFrom), Marshallers.Create(m => m.ToByteArray(), antwoord.ParseFrom));

        public static void Bind(ServiceBinderBase binder, DaprApiBasis? api)
        {
            binder.AddMethod(Methode(MethodType.Unary, "GetSecret", GetSecretRequest.Parser, GetSecretResponse.Parser), (UnaryServerMethod<GetSecretRequest, GetSecretResponse>)null!);
            binder.AddMethod(Methode(MethodType.Unary, "InvokeBinding", InvokeBindingRequest.Parser, InvokeBindingResponse.Parser), (UnaryServerMethod<InvokeBindingRequest, InvokeBindingResponse>)null!);
            binder.AddMethod(Methode(MethodType.Unary, "GetConfiguration", GetConfigurationRequest.Parser, GetConfigurationResponse.Parser), (UnaryServerMethod<GetConfigurationRequest, GetConfigurationResponse>)null!);
            binder.AddMethod(Methode(MethodType.ServerStreaming, "SubscribeConfiguration", SubscribeConfigurationRequest.Parser, SubscribeConfigurationResponse.Parser),
                (ServerStreamingServerMethod<SubscribeConfigurationRequest, SubscribeConfigurationResponse>)null!);
        }
    }

    private sealed class DaprApi(DaprStandIn Huidig) : DaprApiBasis
    {

        public override Task<GetSecretResponse> GetSecret(GetSecretRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref Huidig.GeheimVragen);
            if (!Huidig.Geheimen.TryGetValue((request.StoreName, request.Key), out var geheim))
                throw new RpcException(new Status(StatusCode.NotFound, $"secret {request.Key} not found in {request.StoreName}"));
            return Task.FromResult(new GetSecretResponse { Data = { geheim } });
        }

        public override Task<InvokeBindingResponse> InvokeBinding(InvokeBindingRequest request, ServerCallContext context)
        {
            if (!Huidig.BindingBeschikbaar)
            {
                Interlocked.Increment(ref Huidig.Geweigerd);
                throw new RpcException(new Status(StatusCode.Unavailable, $"binding {request.Name}: target unreachable"));
            }
            Huidig.Afgeleverd.Enqueue((request.Name, request.Operation, request.Data.ToStringUtf8(), request.Metadata.ToDictionary()));
            return Task.FromResult(new InvokeBindingResponse());
        }

        public override Task<GetConfigurationResponse> GetConfiguration(GetConfigurationRequest request, ServerCallContext context)
        {
            var antwoord = new GetConfigurationResponse();
            foreach (var sleutel in request.Keys.Count > 0 ? request.Keys : Huidig._configuratie.Keys)
                if (Huidig._configuratie.TryGetValue(sleutel, out var waarde)) antwoord.Items[sleutel] = new ConfigurationItem { Value = waarde, Version = "1" };
            return Task.FromResult(antwoord);
        }

        public override async Task SubscribeConfiguration(SubscribeConfigurationRequest request, IServerStreamWriter<SubscribeConfigurationResponse> stroom, ServerCallContext context)
        {
            var id = Guid.NewGuid();
            var kanaal = Channel.CreateUnbounded<IReadOnlyDictionary<string, string>>();
            Huidig._abonnees[id] = kanaal;
            try
            {
                await stroom.WriteAsync(new SubscribeConfigurationResponse { Id = id.ToString() });
                await foreach (var items in kanaal.Reader.ReadAllAsync(context.CancellationToken))
                {
                    var antwoord = new SubscribeConfigurationResponse { Id = id.ToString() };
                    foreach (var (k, v) in items.Where(i => request.Keys.Count == 0 || request.Keys.Contains(i.Key)))
                        antwoord.Items[k] = new ConfigurationItem { Value = v, Version = DateTime.UtcNow.Ticks.ToString() };
                    if (antwoord.Items.Count > 0) await stroom.WriteAsync(antwoord);
                }
            }
            catch (OperationCanceledException) { }
            finally { Huidig._abonnees.TryRemove(id, out _); }
        }
    }
}
