using Google.Protobuf.WellKnownTypes;
using Jbk.Contracts;
using Jbk.Maatregelregistratie.Domain;
using Jbk.Maatregelregistratie.Domain.Termijnen;
using Jbk.BuildingBlocks.Kalender;
using MaatregelProto = Jbk.Maatregelen.V1.Maatregel;
using V1 = Jbk.Maatregelen.V1;

namespace Jbk.Maatregelregistratie.Grpc;

internal static class MaatregelMapping
{
    public static MaatregelProto ToProto(Maatregel m, IReadOnlyList<Termijn> termijnen, DateOnly vandaag)
    {
        var proto = new MaatregelProto
        {
            Id = m.Id.ToString(),
            Type = m.Type.ToProto(),
            VerantwoordelijkeGi = m.VerantwoordelijkeGi,
            Regio = m.Regio,
            Startdatum = m.Startdatum.ToProto(),
            JeugdigeId = m.JeugdigeId.ToString(),
            GezinId = m.GezinId.ToString(),
            OtsId = m.OtsId?.ToString() ?? "",
            Status = m.IsLopend ? V1.MaatregelStatus.Lopend : V1.MaatregelStatus.Beeindigd,
            JrVariant = m.JrVariant ?? "",
            Beeindigingsreden = m.Beeindigingsreden ?? "",
            DagenZonderVasteJeugdbeschermer = m.DagenZonderVasteJeugdbeschermer(vandaag),
        };
        if (m.Einddatum is { } eind) proto.Einddatum = eind.ToProto();
        if (m.BeeindigdOp is { } beeindigd) proto.BeeindigdOp = beeindigd.ToProto();
        proto.Verantwoordelijkheden.AddRange(m.Verantwoordelijkheden.OrderBy(v => v.VanUtc).Select(v =>
        {
            var p = new V1.Verantwoordelijkheid { GiCode = v.GiCode, Van = Timestamp.FromDateTime(v.VanUtc), OverdrachtId = v.OverdrachtId?.ToString() ?? "" };
            if (v.TotUtc is { } tot) p.Tot = Timestamp.FromDateTime(tot);
            return p;
        }));
        if (m.HuidigeToewijzing is { } t) proto.HuidigeToewijzing = ToProto(t);
        proto.Toewijzingen.AddRange(m.Toewijzingen.OrderBy(x => x.Van).Select(ToProto));
        proto.Termijnen.AddRange(termijnen.Select(x => ToProto(m, x, vandaag)));
        proto.Beschikkingen.AddRange(m.Beschikkingen.Select(b =>
        {
            var p = new V1.Beschikking { Rechtbank = b.Rechtbank, Zaaknummer = b.Zaaknummer, Datum = b.Datum.ToProto() };
            if (b.Einddatum is { } e) p.Einddatum = e.ToProto();
            return p;
        }));
        return proto;
    }

    private static V1.Toewijzing ToProto(Toewijzing t)
    {
        var p = new V1.Toewijzing { Soort = (V1.ToewijzingSoort)(int)t.Soort, Wie = t.Wie, Van = t.Van.ToProto(), GiCode = t.GiCode };
        if (t.Tot is { } tot) p.Tot = tot.ToProto();
        return p;
    }

    public static V1.Termijn ToProto(Maatregel m, Termijn t, DateOnly vandaag)
    {
        var p = new V1.Termijn
        {
            MaatregelId = m.Id.ToString(),
            GiCode = m.VerantwoordelijkeGi,
            Soort = (V1.TermijnSoort)(int)t.Soort,
            Uiterlijk = t.Uiterlijk.ToProto(),
            Status = (V1.TermijnStatus)(int)t.StatusOp(vandaag),
        };
        if (t.VoldaanOp is { } v) p.VoldaanOp = v.ToProto();
        return p;
    }

    public static DateTime Utc(this DateTimeOffset moment) => moment.UtcDateTime;
}
