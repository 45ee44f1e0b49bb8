using Jbk.BuildingBlocks.Hosting;
using Jbk.BuildingBlocks.Kalender;
using Jbk.Oefening.V1;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jbk.Platform.Oefening;

/// <summary>
/// The rehearsal clock for the embedded platform only, on when <c>Jbk:Oefenklok</c> is true: registered before the
/// services so each of them takes it as its <see cref="TimeProvider"/>, and its RPCs mapped. Off, nothing changes.
/// </summary>
public sealed class OefenklokModule : IJbkModule
{
    public const string Instelling = "Jbk:Oefenklok";
    private bool _aan;

    public string Naam => "oefening";
    public string GrpcServiceNaam => OefenklokService.Descriptor.FullName;

    public void AddServices(IHostApplicationBuilder builder)
    {
        _aan = builder.Configuration.GetValue<bool>(Instelling);
        if (!_aan) return;
        var klok = new Oefenklok();
        builder.Services.AddSingleton(klok);
        builder.Services.AddSingleton<TimeProvider>(klok);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus) { }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        if (_aan) endpoints.MapGrpcService<OefenklokGrpcService>();
    }
}
