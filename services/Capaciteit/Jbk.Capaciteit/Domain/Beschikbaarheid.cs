using Jbk.Contracts;

namespace Jbk.Capaciteit.Domain;

/// <summary>The case the RvdK asks about: where, what, for whom, how many measures (a family), from when.</summary>
public sealed record Casus(string Regio, MaatregelType Type, IReadOnlyList<string> Doelgroepen, int Gezinsgrootte, DateOnly Datum, bool Spoed);

/// <summary>A cliëntenstop in force: which regions and types it covers, and what stays open.</summary>
public sealed record Stop(string GiCode, IReadOnlyList<string> Regios, IReadOnlyList<MaatregelType> Types, bool SpoedUitgezonderd, bool JrUitgezonderd)
{
    public bool Geldt(Casus c) => Regios.Contains(c.Regio) && Types.Contains(c.Type)
        && !(c.Spoed && SpoedUitgezonderd) && !(c.Type == MaatregelType.Jeugdreclassering && JrUitgezonderd);
}

/// <summary>What capaciteit knows of one GI on the day asked.</summary>
public sealed record GiStand(
    GiGegevens Gi, IReadOnlyCollection<string> GecontracteerdeRegios, int Capaciteit, decimal GewogenBelasting, decimal Gereserveerd,
    CertificaatPoort.Uitkomst Certificaat, IReadOnlyList<Stop> Stops, Caseloadstand Caseload,
    /// <summary>The staffing behind the capacity (0 when the GI reported none).</summary>
    decimal FteEffectief = 0, decimal Norm = 0)
{
    public decimal Vrij => Capaciteit - GewogenBelasting - Gereserveerd;
}

/// <summary>The GI's caseload report behind its load: its peildatum, the weighted load it adds, and what to know about it.</summary>
public sealed record Caseloadstand(DateOnly? Peildatum, decimal GewogenBuitenPlatform, IReadOnlyList<string> Meldingen);

public enum Ring { EigenRegio = 1, Buurregio = 2, Landelijk = 3 }

public sealed record Kandidaat(string GiCode, string Naam, Ring Ring, decimal Vrij, IReadOnlyList<string> Redenen);

public sealed record Uitgesloten(string GiCode, string Naam, string Regel, string Reden);

/// <summary>
/// "Which GI can take this case now?": every GI passes the gates (certificate, region or doelgroep, cliëntenstop,
/// free capacity) or is excluded with the rule and the reason. The ones left are ranked: regional GIs of the
/// region first, then those of neighbouring regions, then national GIs; within a ring, most free capacity first.
/// </summary>
public static class Beschikbaarheid
{
    public static (IReadOnlyList<Kandidaat> Kandidaten, IReadOnlyList<Uitgesloten> Uitgesloten) Bepaal(
        Casus casus, IEnumerable<GiStand> standen, Gewichten gewichten)
    {
        var kandidaten = new List<Kandidaat>();
        var uitgesloten = new List<Uitgesloten>();
        var nodig = gewichten.Van(casus.Type) * Math.Max(1, casus.Gezinsgrootte);
        foreach (var s in standen)
        {
            var gi = s.Gi;
            void SluitUit(string regel, string reden) => uitgesloten.Add(new Uitgesloten(gi.Code, gi.Naam, regel, reden));

            if (!s.Certificaat.Toegestaan) { SluitUit(CapaciteitRegels.GeldigCertificaat, s.Certificaat.Reden); continue; }
            if (!gi.MaatregelTypes.Contains(casus.Type))
            {
                SluitUit(CapaciteitRegels.MaatregelTypeUitgevoerd, $"{gi.Code} voert geen {casus.Type} uit");
                continue;
            }

            Ring ring;
            string waarom;
            var past = RegioOfDoelgroep.Past(gi.Soort, gi.Doelgroepen, s.GecontracteerdeRegios, casus.Regio, casus.Doelgroepen);
            if (gi.Soort == GiSoort.Landelijk)
            {
                if (!past)
                {
                    SluitUit(CapaciteitRegels.RegioOfDoelgroep,
                        $"landelijke GI voor {string.Join(", ", gi.Doelgroepen)}; de casus valt niet in die doelgroep");
                    continue;
                }
                (ring, waarom) = (Ring.Landelijk, $"landelijke GI voor doelgroep {string.Join(", ", gi.Doelgroepen.Intersect(casus.Doelgroepen))}");
            }
            else if (past)
                (ring, waarom) = (Ring.EigenRegio, $"regionale GI met contract in {casus.Regio}");
            else if (s.GecontracteerdeRegios.Any(r => Buurregios.ZijnBuren(r, casus.Regio)))
                (ring, waarom) = (Ring.Buurregio, $"regionale GI in buurregio {string.Join(", ", s.GecontracteerdeRegios.Where(r => Buurregios.ZijnBuren(r, casus.Regio)))}; vraagt uitbreiding van het contract van {casus.Regio}");
            else
            {
                SluitUit(CapaciteitRegels.RegioOfDoelgroep, $"regionale GI zonder contract in of naast {casus.Regio}");
                continue;
            }

            if (s.Stops.FirstOrDefault(stop => stop.Geldt(casus)) is not null)
            {
                SluitUit(CapaciteitRegels.GeenClientenstop, $"cliëntenstop van {gi.Code} voor {casus.Type} in {casus.Regio}");
                continue;
            }
            if (s.Vrij < nodig)
            {
                SluitUit(CapaciteitRegels.VrijeCapaciteit, $"geen vrije capaciteit: vrij {s.Vrij:0.#}, nodig {nodig:0.#}");
                continue;
            }
            kandidaten.Add(new Kandidaat(gi.Code, gi.Naam, ring, s.Vrij, [s.Certificaat.Reden, waarom, $"vrij {s.Vrij:0.#} (capaciteit {s.Capaciteit}, belasting {s.GewogenBelasting:0.#}, gereserveerd {s.Gereserveerd:0.#})"]));
        }
        return (kandidaten.OrderBy(k => k.Ring).ThenByDescending(k => k.Vrij).ThenBy(k => k.GiCode).ToList(), uitgesloten);
    }
}
