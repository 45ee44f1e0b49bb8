using Grpc.Core;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Microsoft.EntityFrameworkCore;

namespace Jbk.Maatregelregistratie.Grpc;

public sealed partial class MaatregelGrpcService
{
    private const int MaximaalWeken = 520;

    [Mag(Betrokkene.Ketenpartners | Betrokkene.DienstOverdracht, "aantallen zonder persoonsgegevens")]
    public override async Task<GeefInstroomPerWeekResponse> GeefInstroomPerWeek(GeefInstroomPerWeekRequest request, ServerCallContext context)
    {
        if (!Regios.IsBekend(request.Regio ?? "")) throw new OngeldigeInvoerException("regio", $"Onbekende regio '{request.Regio}'.");
        var regio = request.Regio!.Trim().ToLowerInvariant();
        var van = request.Van.ToDateOnly() ?? throw new OngeldigeInvoerException("van", "Geef de eerste dag van de eerste week.");
        var tot = request.Tot.ToDateOnly() ?? throw new OngeldigeInvoerException("tot", "Geef de dag na de laatste week.");
        if (tot <= van || tot.DayNumber - van.DayNumber > 7 * MaximaalWeken)
            throw new OngeldigeInvoerException("tot", $"Van {van:yyyy-MM-dd} tot {tot:yyyy-MM-dd} is geen periode van 1 tot {MaximaalWeken} weken.");
        var starts = await db.Maatregelen.AsNoTracking().Where(m => m.Regio == regio && m.Startdatum >= van && m.Startdatum < tot)
            .Select(m => new { m.Startdatum, m.Type }).ToListAsync(context.CancellationToken);
        var response = new GeefInstroomPerWeekResponse();
        response.Weken.AddRange(starts.GroupBy(m => (Week: (m.Startdatum.DayNumber - van.DayNumber) / 7, m.Type)).OrderBy(g => g.Key.Week).ThenBy(g => g.Key.Type)
            .Select(g => new InstroomWeek { WeekVan = van.AddDays(7 * g.Key.Week).ToProto(), Type = g.Key.Type.ToProto(), Aantal = g.Count() }));
        return response;
    }
}
