using Jbk.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jbk.BuildingBlocks.Audit;

public static partial class ToegangslogSetup
{
    /// <summary>
    /// The access log of a service whose RPCs touch personal data, for the gRPC services it maps; checked once at start
    /// (a broken chain is logged as an error naming the place; the service still starts, so the log keeps being written).
    /// </summary>
    public static IHostApplicationBuilder AddToegangslog<TContext>(this IHostApplicationBuilder builder, params string[] grpcServices)
        where TContext : JbkDbContext, IToegangslogContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Toegangslog<TContext>>();
        foreach (var service in grpcServices)
            builder.Services.AddKeyedSingleton<IToegangslog>(service, (sp, _) => sp.GetRequiredService<Toegangslog<TContext>>());
        builder.Services.AddHostedService(sp => new ToegangslogStartcontrole(sp.GetRequiredService<Toegangslog<TContext>>(),
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<Toegangslog<TContext>>>(), typeof(TContext).Name));
        return builder;
    }

    private sealed partial class ToegangslogStartcontrole(IToegangslog log, IHostApplicationLifetime leven, ILogger logger, string context) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var gestart = new TaskCompletionSource();
            using (leven.ApplicationStarted.Register(() => gestart.TrySetResult()))
            using (stoppingToken.Register(() => gestart.TrySetCanceled()))
                try { await gestart.Task; } catch (OperationCanceledException) { return; }
            try
            {
                var uitslag = await log.ControleerAsync(stoppingToken);
                if (uitslag.Intact) LogIntact(logger, context, uitslag.Aantal);
                else LogGebroken(logger, context, uitslag.Volgorde ?? 0, uitslag.Reden ?? "");
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogNietGecontroleerd(logger, context, ex.GetType().Name); }
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Toegangslog van {Context} intact: {Aantal} regels")]
        private static partial void LogIntact(ILogger logger, string context, long aantal);

        [LoggerMessage(Level = LogLevel.Error, Message = "Toegangslog van {Context} GEBROKEN bij regel {Volgorde}: {Reden}")]
        private static partial void LogGebroken(ILogger logger, string context, long volgorde, string reden);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Toegangslog van {Context} niet gecontroleerd: {Fout}")]
        private static partial void LogNietGecontroleerd(ILogger logger, string context, string fout);
    }
}
