namespace Jbk.Planning.WatAls;

/// <summary>
/// Week by week, what a scenario does to the region's measures: where they are, whether each has a vaste
/// jeugdbeschermer, how long those without one wait, how often a child changes case worker, and how many measures
/// sit at a GI without a valid certificate. A stock-and-flow model, deterministic, no I/O:
/// <list type="number">
/// <item>staff: attrition and hiring (a new GI hires towards its staff before it opens);</item>
/// <item>endings: the sender's running measures end in the week of their end date, wherever they are by then; new
/// measures end at the rate one over their average duration;</item>
/// <item>transfers: the sender's remaining measures move evenly over the scenario's window to the receivers that are
/// open, each taking a share of its free capacity; a share of the moving measures takes its worker along (with the
/// worker's capacity), the others wait at the receiver for a new one;</item>
/// <item>inflow: new measures in the region, less what local teams take on, to the sender while it may take them,
/// otherwise to the receivers;</item>
/// <item>assignment: a GI with fewer staff than measures loses workers for the newest-assigned measures (each a change
/// of case worker); one with room gives the longest-waiting measures a vaste jeugdbeschermer first.</item>
/// </list>
/// </summary>
public static class WatAlsModel
{
    private sealed class Gi(WatAlsGi g)
    {
        public string Code { get; } = g.GiCode;
        public double Fte { get; set; } = g.Fte;
        public double Norm { get; } = g.Norm;
        public double Verloop { get; } = g.VerloopPerWeek;
        public double Werving { get; } = g.WervingFtePerWeek;
        public double Eigen { get; } = g.EigenCaseload;
        public double RegioOud { get; set; }
        public double RegioNieuw { get; set; }
        public double Toegewezen { get; set; }
        /// <summary>Measures waiting for a vaste jeugdbeschermer, by the week they started waiting (oldest first).</summary>
        public List<(int Week, double Aantal)> Wachtend { get; } = [];
        public double Capaciteit => Fte * Norm;
        public double Regio => RegioOud + RegioNieuw;
        public double AantalWachtend => Wachtend.Sum(w => w.Aantal);
        public double Caseload => Toegewezen + AantalWachtend;
        public double Vrij => Math.Max(0, Capaciteit - Caseload);

        /// <summary>Takes <paramref name="aantal"/> measures out, spread over those with and without a worker; returns how many had one.</summary>
        public (double MetJb, List<(int Week, double Aantal)> Wachtend) Neem(double aantal)
        {
            var totaal = Caseload;
            if (totaal <= 0 || aantal <= 0) return (0, []);
            var deel = Math.Min(1, aantal / totaal);
            var metJb = Toegewezen * deel;
            Toegewezen -= metJb;
            var weg = new List<(int, double)>();
            for (var i = 0; i < Wachtend.Count; i++)
            {
                var (week, n) = Wachtend[i];
                weg.Add((week, n * deel));
                Wachtend[i] = (week, n * (1 - deel));
            }
            Wachtend.RemoveAll(w => w.Aantal <= 1e-9);
            return (metJb, weg);
        }

        public void Wacht(int week, double aantal)
        {
            if (aantal <= 0) return;
            var i = Wachtend.FindIndex(w => w.Week == week);
            if (i >= 0) Wachtend[i] = (week, Wachtend[i].Aantal + aantal);
            else { Wachtend.Add((week, aantal)); Wachtend.Sort((a, b) => a.Week.CompareTo(b.Week)); }
        }
    }

    public static WatAlsUitkomst Simuleer(WatAlsInvoer invoer, WatAlsScenario s)
    {
        if (invoer.Gis.All(g => g.GiCode != invoer.Zender)) throw new ArgumentException($"de verzendende GI {invoer.Zender} staat niet bij de GI's van de invoer");
        var gis = invoer.Gis.Select(g => new Gi(g)).ToList();
        if (s.NieuweGi is { } nieuw && gis.All(g => g.Code != nieuw.GiCode)) gis.Add(new Gi(new WatAlsGi(nieuw.GiCode, 0, nieuw.Norm, 0)));
        var zender = gis.Single(g => g.Code == invoer.Zender);
        zender.RegioOud = invoer.EindweekLopend.Count;
        foreach (var g in gis)
        {
            var caseload = g.Eigen + g.RegioOud;
            var wachtend = g == zender ? Math.Min(invoer.WachtendNu, caseload) : Math.Max(0, caseload - g.Capaciteit);
            g.Toegewezen = caseload - wachtend;
            g.Wacht(0, wachtend);
        }
        var ontvangers = gis.Where(g => g != zender && (s.Ontvangers.Count == 0 || s.Ontvangers.Contains(g.Code))).ToList();
        var eindigend = invoer.EindweekLopend.Where(w => w is not null).GroupBy(w => w!.Value).ToDictionary(x => x.Key, x => (double)x.Count());
        var weken = new List<WatAlsWeek>();
        double lokaal = 0;

        for (var t = 0; t < invoer.Weken; t++)
        {
            var ontvangen = gis.ToDictionary(g => g.Code, _ => 0.0);
            var wisselingen = gis.ToDictionary(g => g.Code, _ => 0.0);
            bool Open(Gi g) => s.NieuweGi is not { } n || g.Code != n.GiCode || t >= n.OperationeelVanafWeek;
            var gecertificeerd = s.CertificaatEindeWeek is not { } einde || t < einde;

            // 1. Staff.
            foreach (var g in gis)
            {
                var verloop = g.Verloop + (g == zender ? s.ExtraVerloopZender : 0);
                g.Fte = Math.Max(0, g.Fte * (1 - verloop) + g.Werving + (g == zender ? s.ExtraWervingZender : 0));
                if (s.NieuweGi is { } n && g.Code == n.GiCode && t >= n.OperationeelVanafWeek - n.OpbouwWeken && t < n.OperationeelVanafWeek)
                    g.Fte += n.DoelFte / Math.Max(1, n.OpbouwWeken);
            }

            // 2. Endings.
            var regioOud = gis.Sum(g => g.RegioOud);
            if (eindigend.TryGetValue(t, out var oudEinde) && regioOud > 0)
                foreach (var g in gis.Where(g => g.RegioOud > 0).ToList())
                {
                    var n = Math.Min(g.RegioOud, oudEinde * g.RegioOud / regioOud);
                    g.RegioOud -= n;
                    g.Neem(n);
                }
            if (invoer.GemiddeldeDuurWeken > 0 && !double.IsInfinity(invoer.GemiddeldeDuurWeken))
                foreach (var g in gis.Where(g => g.RegioNieuw > 0))
                {
                    var n = g.RegioNieuw / invoer.GemiddeldeDuurWeken;
                    g.RegioNieuw -= n;
                    g.Neem(n);
                }

            // 3. Transfers from the sender, evenly over what is left of the window.
            var open = ontvangers.Where(Open).ToList();
            if (s.OverdrachtVanafWeek is { } van && s.OverdrachtTotWeek is { } tot && t >= van && t < tot && open.Count > 0 && zender.Regio > 0)
            {
                var aantal = zender.Regio / (tot - t);
                var deelOud = zender.RegioOud / zender.Regio;
                zender.RegioOud -= aantal * deelOud;
                zender.RegioNieuw -= aantal * (1 - deelOud);
                var (metJb, wachtend) = zender.Neem(aantal);
                var meegaand = metJb * s.PersoneelMeeAandeel;
                var meeFte = zender.Norm > 0 ? Math.Min(zender.Fte, meegaand / zender.Norm) : 0;
                zender.Fte -= meeFte;
                foreach (var (g, deel) in Verdeel(open))
                {
                    g.RegioOud += aantal * deelOud * deel;
                    g.RegioNieuw += aantal * (1 - deelOud) * deel;
                    g.Fte += meeFte * deel;
                    g.Toegewezen += meegaand * deel;
                    g.Wacht(t, (metJb - meegaand) * deel);
                    foreach (var (week, n) in wachtend) g.Wacht(week, n * deel);
                    ontvangen[g.Code] += aantal * deel;
                    wisselingen[g.Code] += (metJb - meegaand) * deel;
                }
            }

            // 4. Inflow, less what local teams take on.
            var lokaalDeel = t < s.LokaleTeamsVanafWeek ? 0
                : s.LokaleTeamsAandeel * Math.Min(1, (t - s.LokaleTeamsVanafWeek + 1) / (double)Math.Max(1, s.LokaleTeamsOpbouwWeken));
            var instroom = invoer.InstroomPerWeek * (1 - lokaalDeel);
            lokaal += invoer.InstroomPerWeek * lokaalDeel;
            var naarZender = gecertificeerd && (s.IntakestopVanafWeek is not { } stop || t < stop) || open.Count == 0;
            foreach (var (g, deel) in naarZender ? [(zender, 1.0)] : Verdeel(open))
            {
                g.RegioNieuw += instroom * deel;
                g.Wacht(t, instroom * deel);
            }

            // 5. Assignment: too few staff loses workers; room goes to the longest waiting first.
            foreach (var g in gis)
            {
                if (g.Toegewezen > g.Capaciteit)
                {
                    var verloren = g.Toegewezen - g.Capaciteit;
                    g.Toegewezen = g.Capaciteit;
                    g.Wacht(t, verloren);
                    wisselingen[g.Code] += verloren;
                }
                var ruimte = g.Capaciteit - g.Toegewezen;
                while (ruimte > 1e-9 && g.Wachtend.Count > 0)
                {
                    var (week, n) = g.Wachtend[0];
                    var neem = Math.Min(n, ruimte);
                    g.Toegewezen += neem;
                    ruimte -= neem;
                    if (neem >= n - 1e-9) g.Wachtend.RemoveAt(0); else g.Wachtend[0] = (week, n - neem);
                }
            }

            foreach (var g in gis)
            {
                var wacht = g.AantalWachtend;
                weken.Add(new WatAlsWeek(t, g.Code, g.Caseload, g.Capaciteit, wacht,
                    wacht > 0 ? g.Wachtend.Sum(w => w.Aantal * (t - w.Week)) / wacht : 0,
                    ontvangen[g.Code], wisselingen[g.Code], g == zender && !gecertificeerd ? g.Regio : 0, g.Fte));
            }
        }
        return new WatAlsUitkomst(s, weken, Vat(weken, lokaal, ontvangers.Select(g => g.Code).Append(zender.Code)));
    }

    /// <summary>Shares by free capacity; by capacity when nobody has room left; evenly when nobody has staff.</summary>
    private static IEnumerable<(Gi Gi, double Deel)> Verdeel(IReadOnlyList<Gi> open)
    {
        var vrij = open.Sum(g => g.Vrij);
        if (vrij > 0) return open.Select(g => (g, g.Vrij / vrij));
        var capaciteit = open.Sum(g => g.Capaciteit);
        return capaciteit > 0 ? open.Select(g => (g, g.Capaciteit / capaciteit)) : open.Select(g => (g, 1.0 / open.Count));
    }

    private static WatAlsSamenvatting Vat(IReadOnlyList<WatAlsWeek> weken, double lokaal, IEnumerable<string> betrokken)
    {
        var perWeek = weken.GroupBy(w => w.Week).Select(g => (Week: g.Key, Wachtend: g.Sum(w => w.ZonderVasteJeugdbeschermer),
            Wachttijd: g.Sum(w => w.ZonderVasteJeugdbeschermer) is var n and > 0 ? g.Sum(w => w.ZonderVasteJeugdbeschermer * w.GemiddeldeWachtweken) / n : 0,
            ZonderCertificaat: g.Sum(w => w.ZonderCertificaat))).ToList();
        var piek = perWeek.MaxBy(w => w.Wachtend);
        var codes = betrokken.ToHashSet();
        return new WatAlsSamenvatting(piek.Wachtend, piek.Week, perWeek[^1].Wachtend, perWeek[^1].Wachttijd,
            weken.Sum(w => w.Wisselingen), perWeek.Max(w => w.ZonderCertificaat), perWeek.Sum(w => w.ZonderCertificaat),
            weken.Count(w => w.Caseload > w.Capaciteit + 1e-6), weken.Sum(w => w.Ontvangen), lokaal,
            weken.Where(w => codes.Contains(w.GiCode)).GroupBy(w => w.GiCode).ToDictionary(g => g.Key, g => g.Max(w => w.Belasting)));
    }
}
