using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.Maatregelen.V1;
using Jbk.Oefening.V1;
using Jbk.Overdracht.V1;

namespace Jbk.Simulatie;

/// <summary>
/// Plays the people of a rehearsal: the sending GI delivers the dossier and declares it complete, the receiving GI
/// accepts (or refuses, when asked to), records the court's decision and the warm handover, asks for the switch and
/// then gives every measure a vaste jeugdbeschermer. Only through the public API, as those organisations; a service
/// that is away is simply tried again next round.
/// </summary>
/// <param name="stilstandNa">When nothing in the scenario moves for this long, the rehearsal fails naming what is open (default 5 minutes).</param>
public sealed class Ketenpartners(Kanalen k, Func<Overdracht.V1.Overdracht, bool>? weigert = null, Kalenderoefening? kalender = null,
    TimeSpan? stilstandNa = null)
{
    /// <summary>What a sending GI delivers for each measure: the dossier the receiver needs (domain.md).</summary>
    public static IReadOnlyList<DocumentSoort> Dossier { get; } =
    [
        DocumentSoort.Beschikking, DocumentSoort.PlanVanAanpak, DocumentSoort.Voortgangsverslag, DocumentSoort.Veiligheidstaxatie,
        DocumentSoort.LopendeJeugdhulp, DocumentSoort.NetwerkEnContacten, DocumentSoort.ZittingenEnTermijnen,
    ];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _vastToegewezen = [];

    /// <summary>Handovers worked on side by side at the accelerated tempo, as the people of several GIs would.</summary>
    private const int Gelijktijdig = 8;

    /// <summary>The court's decisions per ISO week (in measures), in the calendar tempo.</summary>
    private readonly Dictionary<string, int> _rechtbank = [];

    /// <summary>The platform's time: its rehearsal clock in the calendar tempo, else real time.</summary>
    private DateTime _nu = DateTime.UtcNow;

    private bool _rechtbankVol;

    /// <summary>A handover of this round waits on the platform (its checks and reservation, or the switch it was asked for).</summary>
    private bool _opPlatform;

    private OefenklokService.OefenklokServiceClient Klok => new(k.Overdracht(Organisatie.Operator));

    /// <summary>The scenario's sending GI: a party of every handover, so it reads them (an operator sees no single handover).</summary>
    private string _verzender = "";

    /// <summary>Runs rounds until the scenario is done; reports its progress after every round.</summary>
    public async Task<ScenarioVoortgang> DraaiAsync(string scenarioId, IProgress<ScenarioVoortgang>? voortgang = null, CancellationToken ct = default)
    {
        var plan = (await k.Scenarios(Organisatie.Operator).GeefDryRunAsync(new GeefDryRunRequest { ScenarioId = scenarioId }, cancellationToken: ct)).DryRun;
        _verzender = plan.VerzendendeGi;
        var start = plan.Start.ToDateOnly()!.Value;
        var (stil, dagen) = (0, 0);
        var (vorige, veranderdOp) = ("", DateTime.UtcNow);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            _nu = kalender is null ? DateTime.UtcNow : (await Klok.GeefKlokAsync(new GeefKlokRequest(), cancellationToken: ct)).Nu.ToDateTime();
            _rechtbankVol = false;
            _opPlatform = false;
            ScenarioVoortgang stand;
            try
            {
                stand = (await k.Scenarios(Organisatie.Operator).GeefScenarioVoortgangAsync(new GeefScenarioVoortgangRequest { ScenarioId = scenarioId }, cancellationToken: ct)).Voortgang;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled)
            {
                await Task.Delay(500, ct);
                continue;
            }
            voortgang?.Report(stand);
            if (stand.Status == ScenarioStatus.Afgerond) return stand;
            var nu = $"{stand.GestarteWeek}|{stand.Voltooid}|{stand.Omgezet}|{stand.InBehandeling}|{stand.Gepland}|{stand.Beeindigd}|{stand.NietPlaatsbaar}|{stand.Weigeringen}|{dagen}";
            if (nu != vorige) (vorige, veranderdOp) = (nu, DateTime.UtcNow);
            else if (DateTime.UtcNow - veranderdOp > (stilstandNa ?? TimeSpan.FromMinutes(5)))
                throw new TimeoutException($"Het scenario staat stil sinds {veranderdOp:HH:mm:ss} UTC: week {stand.GestarteWeek + 1}/{stand.AantalWeken}, "
                    + $"{stand.Voltooid} voltooid, {stand.Omgezet} omgezet, {stand.InBehandeling} in behandeling, {stand.Gepland} gepland; "
                    + $"lopend: {string.Join(", ", stand.LopendeOverdrachten.Take(5))}{(stand.LopendeOverdrachten.Count > 5 ? ", ..." : "")}"
                    + (stand.VastgelopenOverdrachten.Count > 0 ? $"; vastgelopen: {string.Join(", ", stand.VastgelopenOverdrachten.Take(5))}" : ""));
            var stappen = 0;
            // A week that began on the calendar but that the platform has not started yet (it does so in the background), or
            // whose handovers it has yet to ask for, is not over before it began.
            var begonnen = Math.Min(stand.AantalWeken - 1, (DateOnly.FromDateTime(_nu).DayNumber - start.DayNumber) / 7);
            _opPlatform = stand.WachtOpAanvraag > 0 || (kalender is not null && stand.Status == ScenarioStatus.Lopend && stand.GestarteWeek < begonnen);
            if (kalender is null)
                await Parallel.ForEachAsync(stand.LopendeOverdrachten, new ParallelOptions { MaxDegreeOfParallelism = Gelijktijdig, CancellationToken = ct },
                    async (id, c) => Interlocked.Add(ref stappen, await StapAsync(id, c)));
            else
                // One after another: the court's weekly capacity goes to the same families in every run.
                foreach (var id in stand.LopendeOverdrachten) stappen += await StapAsync(id, ct);
            if (stappen > 0) { stil = 0; continue; }
            // Accelerated, a week's handovers wait on the platform a few times (checks, switch): look again soon.
            await Task.Delay(kalender is null ? 100 : 300, ct);
            // Calendar tempo: when nobody can do more today and the platform has nothing of today's left to do, the day
            // ends (a switch asked today happens today, however slow the machine); a week the court is full of, or with
            // nothing running, ends at once.
            if (_opPlatform) stil = 0;
            if (kalender is null || _opPlatform || ++stil < 4) continue;
            stil = 0;
            var naar = _rechtbankVol || stand.LopendeOverdrachten.Count == 0 ? 8 - (int)_nu.DayOfWeek.Iso() : 1;
            dagen += naar;
            if (dagen > kalender.MaximaalDagen)
                throw new TimeoutException($"De kalenderoefening is na {dagen - naar} gesimuleerde dagen niet af: {stand.Voltooid} voltooid, "
                    + $"{stand.InBehandeling} in behandeling, {stand.Gepland} gepland, {stand.Vastgelopen} vastgelopen ({string.Join(", ", stand.VastgelopenOverdrachten)}).");
            await Klok.ZetKlokVooruitAsync(new ZetKlokVooruitRequest { Dagen = naar }, cancellationToken: ct);
        }
    }

    /// <summary>Whether the court decides on so many measures this week; in the calendar tempo it has a weekly capacity.</summary>
    private bool RechtbankBeslist(int maatregelen)
    {
        if (kalender is null) return true;
        var week = $"{System.Globalization.ISOWeek.GetYear(_nu)}-{System.Globalization.ISOWeek.GetWeekOfYear(_nu)}";
        var al = _rechtbank.GetValueOrDefault(week);
        // A family is decided whole; a week that has begun on nothing takes at least one.
        if (al > 0 && al + maatregelen > kalender.RechtbankPerWeek) { _rechtbankVol = true; return false; }
        _rechtbank[week] = al + maatregelen;
        return true;
    }

    /// <summary>Takes the people's steps of one handover until it waits on the platform; the number of steps taken.</summary>
    private async Task<int> StapAsync(string overdrachtId, CancellationToken ct = default)
    {
        var totaal = 0;
        Overdracht.V1.Overdracht? bekend = null;
        for (var i = 0; i < 4; i++) // dossier, assessment, court and switch, vaste jeugdbeschermer
        {
            // Each step's answer is the handover as it now stands: the next step starts from it instead of reading it again.
            (var gezet, bekend) = await EenStapAsync(overdrachtId, bekend, ct);
            if (gezet == 0) break;
            totaal += gezet;
        }
        return totaal;
    }

    /// <summary>One step of the people on the handover (read first unless <paramref name="bekend"/>); the steps taken and the handover after them.</summary>
    private async Task<(int Gezet, Overdracht.V1.Overdracht? Nu)> EenStapAsync(string overdrachtId, Overdracht.V1.Overdracht? bekend, CancellationToken ct)
    {
        try
        {
            var o = bekend ?? (await k.Overdrachten(Organisatie.Gi(_verzender)).GeefOverdrachtAsync(new GeefOverdrachtRequest { OverdrachtId = overdrachtId }, cancellationToken: ct)).Overdracht;
            var verzender = k.Overdrachten(Organisatie.Gi(o.VerzendendeGi));
            var ontvanger = k.Overdrachten(Organisatie.Gi(o.OntvangendeGi));
            var vandaag = DateOnly.FromDateTime(_nu).ToProto();
            bool Gedaan(string wat) => o.Historie.Any(h => h.Wat == wat);
            switch (o.Status)
            {
                case OverdrachtStatus.CapaciteitGereserveerd:
                    // The whole dossier in one call.
                    using (var levering = verzender.LeverDocumenten(cancellationToken: ct))
                    {
                        foreach (var maatregel in o.MaatregelIds)
                        foreach (var soort in Dossier)
                            await levering.RequestStream.WriteAsync(new LeverDocumentenRequest
                            {
                                OverdrachtId = o.Id, MaatregelId = maatregel, Soort = soort, Datum = vandaag,
                                Inhoud = ByteString.CopyFrom(Encoding.UTF8.GetBytes($"synthetisch document ({soort}), geen echte persoonsgegevens")),
                            }, ct);
                        await levering.RequestStream.CompleteAsync();
                        await levering.ResponseAsync;
                    }
                    return (1, (await verzender.VerklaarDossierCompleetAsync(new VerklaarDossierCompleetRequest { OverdrachtId = o.Id }, cancellationToken: ct)).Overdracht);
                case OverdrachtStatus.DossierCompleet:
                    var weiger = weigert?.Invoke(o) == true;
                    return (1, (await ontvanger.BeoordeelOverdrachtAsync(new BeoordeelOverdrachtRequest
                    {
                        OverdrachtId = o.Id, Accepteer = !weiger, Reden = weiger ? "geen jeugdbeschermer vrij voor dit gezin (oefening)" : "",
                    }, cancellationToken: ct)).Overdracht);
                case OverdrachtStatus.Geaccepteerd when Gedaan("omzetting gestopt"):
                    // A rule broke before the switch (a measure ended, a deadline fell without owner): the GIs cancel, the
                    // scenario plans the family again.
                    return (1, (await verzender.AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest
                    {
                        OverdrachtId = o.Id, Reden = "de omzetting werd gestopt door een continuïteitsregel; het gezin wordt opnieuw gepland",
                    }, cancellationToken: ct)).Overdracht);
                case OverdrachtStatus.Geaccepteerd when !Gedaan("omzetting gevraagd"):
                    if (o.VerzoekAanRechter.Length > 0 && !Gedaan("verzoek aan rechter"))
                        o = (await ontvanger.DienVerzoekBijRechterInAsync(new DienVerzoekBijRechterInRequest { OverdrachtId = o.Id, Datum = vandaag }, cancellationToken: ct)).Overdracht;
                    if (o.VerzoekAanRechter.Length > 0 && o.Zaaknummer.Length == 0 && !RechtbankBeslist(o.MaatregelIds.Count))
                        return (0, o); // the court has its hands full this week
                    if (o.VerzoekAanRechter.Length > 0 && o.Zaaknummer.Length == 0)
                        o = (await ontvanger.LegRechterlijkBesluitVastAsync(new LegRechterlijkBesluitVastRequest
                        {
                            OverdrachtId = o.Id, Zaaknummer = $"SYN/{o.Id[..8]}", Datum = vandaag,
                        }, cancellationToken: ct)).Overdracht;
                    if (!Gedaan("warme overdracht gehouden") && !Gedaan("afgezien van warme overdracht"))
                        o = (await ontvanger.LegWarmeOverdrachtVastAsync(new LegWarmeOverdrachtVastRequest { OverdrachtId = o.Id, Datum = vandaag }, cancellationToken: ct)).Overdracht;
                    try
                    {
                        return (1, (await ontvanger.ZetOmAsync(new ZetOmRequest { OverdrachtId = o.Id, Op = Timestamp.FromDateTime(_nu) }, cancellationToken: ct)).Overdracht);
                    }
                    catch (RpcException ex) when (ex.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason == "MaatregelLooptBijOmzetting")
                    {
                        // A measure ended before the switch: the GIs cancel; the scenario plans the family's other measures again.
                        return (1, (await verzender.AnnuleerOverdrachtAsync(new AnnuleerOverdrachtRequest { OverdrachtId = o.Id, Reden = "een maatregel is beëindigd vóór de omzetting" }, cancellationToken: ct)).Overdracht);
                    }
                case OverdrachtStatus.Omgezet:
                    var maatregelen = k.Maatregelen(Organisatie.Gi(o.OntvangendeGi));
                    var gedaan = 0;
                    foreach (var maatregel in o.MaatregelIds.Where(m => !_vastToegewezen.ContainsKey(m)))
                    {
                        await maatregelen.WijsJeugdbeschermerToeAsync(new WijsJeugdbeschermerToeRequest
                        {
                            MaatregelId = maatregel, Soort = ToewijzingSoort.Vast, Wie = $"{o.OntvangendeGi.ToLowerInvariant()}-jb-{(uint)maatregel.GetHashCode() % 40:D2}", Van = vandaag,
                        }, cancellationToken: ct);
                        _vastToegewezen[maatregel] = true;
                        gedaan++;
                    }
                    return (gedaan, o); // once every measure has one, nothing is left to do here
                case OverdrachtStatus.Aangevraagd or OverdrachtStatus.Gecontroleerd:
                case OverdrachtStatus.Geaccepteerd when Gedaan("omzetting gevraagd"):
                    _opPlatform = true;
                    return (0, o);
                default:
                    return (0, o);
            }
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled
                                          or StatusCode.Aborted or StatusCode.FailedPrecondition or StatusCode.DeadlineExceeded)
        {
            return (0, null); // a service is away, or the process moved on meanwhile: the next round looks again
        }
    }
}

/// <summary>
/// The calendar tempo of a rehearsal on the embedded platform's rehearsal clock (<c>Jbk:Oefenklok</c>): the chain
/// partners act on the platform's dates, the court decides on at most <paramref name="RechtbankPerWeek"/> measures a week,
/// and when nobody can do more that day the clock moves on. Fails, naming what is open, after <paramref name="MaximaalDagen"/>.
/// </summary>
public sealed record Kalenderoefening(int RechtbankPerWeek, int MaximaalDagen = 400);

internal static class Weekdag
{
    /// <summary>Monday 1 ... Sunday 7.</summary>
    public static int Iso(this DayOfWeek dag) => dag == DayOfWeek.Sunday ? 7 : (int)dag;
}
