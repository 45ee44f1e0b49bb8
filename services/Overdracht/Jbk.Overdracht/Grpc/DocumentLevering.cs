using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Jbk.BuildingBlocks.Audit;
using Jbk.BuildingBlocks.Errors;
using Jbk.BuildingBlocks.Security;
using Jbk.BuildingBlocks.Security.Autorisatie;
using Jbk.Contracts;
using Jbk.Overdracht.Domain;
using Jbk.Overdracht.V1;
using Microsoft.EntityFrameworkCore;
using DocumentSoort = Jbk.Overdracht.Domain.DocumentSoort;
using OverdrachtProces = Jbk.Overdracht.Domain.Overdracht;
using OverdrachtStatus = Jbk.Overdracht.Domain.OverdrachtStatus;

namespace Jbk.Overdracht.Grpc;

/// <summary>The sending GI delivers the dossier: one document per call, or a whole dossier in one stream.</summary>
public sealed partial class OverdrachtGrpcService
{
    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi, "de verzendende GI")]
    public override async Task<LeverDocumentResponse> LeverDocument(LeverDocumentRequest request, ServerCallContext context)
    {
        var levering = new Levering(context.GetCaller());
        var (document, _) = await NeemAanAsync(request, levering, context);
        await db.SaveChangesAsync(context.CancellationToken); // the access line, and the document when it is new
        return new() { Document = Proto(document, metInhoud: false) };
    }

    [Persoonsgegevens]
    [Mag(Betrokkene.EigenGi, "de verzendende GI")]
    public override async Task<LeverDocumentenResponse> LeverDocumenten(IAsyncStreamReader<LeverDocumentenRequest> requestStream, ServerCallContext context)
    {
        var levering = new Levering(context.GetCaller());
        var response = new LeverDocumentenResponse();
        var plaats = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            plaats++;
            var r = requestStream.Current;
            var los = new LeverDocumentRequest { OverdrachtId = r.OverdrachtId, MaatregelId = r.MaatregelId, Soort = r.Soort, Datum = r.Datum, Inhoud = r.Inhoud };
            DossierDocument document;
            bool nieuw;
            try { (document, nieuw) = await NeemAanAsync(los, levering, context); }
            catch (OngeldigeInvoerException ex) { throw new OngeldigeInvoerException(ex.Veld, $"Document {plaats} van de stroom: {ex.Message}"); }
            response.Documenten.Add(Proto(document, metInhoud: false));
            if (nieuw) response.Nieuw++;
        }
        if (plaats == 0) throw new OngeldigeInvoerException("documenten", "De stroom bevatte geen enkel document.");
        // The dossier as one: every new document and every access line, or nothing.
        await db.SaveChangesAsync(context.CancellationToken);
        return response;
    }

    /// <summary>What one call has loaded and taken so far: each handover once, each document once.</summary>
    private sealed class Levering(Caller caller)
    {
        public Caller Caller { get; } = caller;
        public Dictionary<Guid, OverdrachtProces> Overdrachten { get; } = [];
        public Dictionary<(Guid, Guid, DocumentSoort, string), DossierDocument> Documenten { get; } = [];
    }

    /// <summary>
    /// Checks one document and adds it (and the access line) to the context, unsaved; a document delivered before (a retry,
    /// a double click, the same file twice in a stream) is that one, stored once (a unique index holds it under races).
    /// </summary>
    private async Task<(DossierDocument Document, bool Nieuw)> NeemAanAsync(LeverDocumentRequest request, Levering levering, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = levering.Caller;
        var overdrachtId = Id(request.OverdrachtId, "overdracht_id");
        if (!levering.Overdrachten.TryGetValue(overdrachtId, out var o))
            levering.Overdrachten[overdrachtId] = o = await Laad(request.OverdrachtId, ct, tracking: false);
        var mag = caller.Organisatie.IsGi(o.VerzendendeGi) && !o.IsAfgesloten && o.Status != OverdrachtStatus.Omgezet;
        if (!mag)
        {
            await Log(o, caller, "document leveren", false, ct);
            VereisPartij(context, o);
            throw new GeenToegangException($"Alleen {o.VerzendendeGi} levert documenten, zolang de overdracht loopt.");
        }
        var maatregelId = Id(request.MaatregelId, "maatregel_id");
        if (o.Maatregelen.All(m => m.MaatregelId != maatregelId))
            throw new OngeldigeInvoerException("maatregel_id", "Deze maatregel hoort niet bij de overdracht.");
        if (!System.Enum.IsDefined((DocumentSoort)(int)request.Soort) || request.Soort == V1.DocumentSoort.Unspecified)
            throw new OngeldigeInvoerException("soort", "Het soort document ontbreekt of is onbekend.");
        if (request.Inhoud.IsEmpty) throw new OngeldigeInvoerException("inhoud", "Het document is leeg.");
        var datum = request.Datum.ToDateOnly() ?? throw new OngeldigeInvoerException("datum", "De datum van het document ontbreekt.");
        LogZonderOpslaan(o, caller, "document leveren", true);
        var inhoud = request.Inhoud.ToByteArray();
        var checksum = Convert.ToHexStringLower(SHA256.HashData(inhoud));
        var soort = (DocumentSoort)(int)request.Soort;
        var sleutel = (o.Id, maatregelId, soort, checksum);
        if (levering.Documenten.TryGetValue(sleutel, out var zelfde)) return (zelfde, false);
        if (await db.Documenten.AsNoTracking().FirstOrDefaultAsync(d => d.OverdrachtId == o.Id && d.MaatregelId == maatregelId && d.Soort == soort
                && d.Checksum == checksum, ct) is { } bestaand)
        {
            levering.Documenten[sleutel] = bestaand;
            return (bestaand, false);
        }
        var document = new DossierDocument
        {
            Id = Guid.NewGuid(), OverdrachtId = o.Id, MaatregelId = maatregelId, Soort = soort, Datum = datum,
            AuteurOrganisatie = caller.Organisatie.ToString(), Inhoud = inhoud, Checksum = checksum, GeleverdOpUtc = Nu,
        };
        db.Documenten.Add(document);
        levering.Documenten[sleutel] = document;
        return (document, true);
    }
}
