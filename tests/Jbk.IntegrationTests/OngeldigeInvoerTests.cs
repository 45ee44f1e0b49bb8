using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.Contracts;
using Jbk.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Jbk.IntegrationTests;

/// <summary>
/// Bad input generated from the protos: every field of every RPC's request (nested ones too) gets each bad value its
/// type allows, on top of an otherwise plausible request, sent by an organisation the RPC admits, to the embedded
/// platform as a process. Refused values must be refused with a named status (never UNKNOWN or INTERNAL, never a hang)
/// and leave the systems of record as they were; text that only looks dangerous may be accepted but never breaks a call;
/// random bytes may be INTERNAL only when they are no protobuf at all.
/// </summary>
public sealed class OngeldigeInvoerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EmbeddedPlatform _platform = null!;
    private static readonly TimeSpan Termijn = TimeSpan.FromSeconds(15);
    private static readonly StatusCode[] Kapot = [StatusCode.Unknown, StatusCode.Internal, StatusCode.DeadlineExceeded, StatusCode.Unavailable];

    public async Task InitializeAsync() => _platform = await EmbeddedPlatform.StartAsync("jbk-invoer");

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private static IEnumerable<(ServiceDescriptor Service, MethodDescriptor Rpc)> Rpcs =>
        Jbk.Topologie.Topologie.Diensten.SelectMany(d => d.GrpcServices).SelectMany(s => s.Methods.Select(m => (s, m)));

    [Fact]
    public async Task Every_bad_value_of_every_field_is_refused_by_name_without_a_trace_in_the_systems_of_record()
    {
        var voor = await Stand.RustigAsync(_platform.DataDir, TimeSpan.FromSeconds(60));
        var fouten = new List<string>();
        var aantal = 0;
        foreach (var (service, rpc) in Rpcs)
            foreach (var (pad, wat, verzoek) in Varianten(rpc.InputType, Slecht))
            {
                aantal++;
                var status = await RoepAsync(service, rpc, verzoek);
                if (status.StatusCode == StatusCode.OK || Kapot.Contains(status.StatusCode))
                    fouten.Add($"{rpc.Name} {pad} = {wat}: {status.StatusCode} {status.Detail}");
            }
        var na = await VanAsync();
        output.WriteLine($"{aantal} slechte waarden in {Rpcs.Count()} RPC's; {fouten.Count} niet netjes geweigerd");
        foreach (var f in fouten.Take(100)) output.WriteLine(f);
        Assert.True(aantal > 700, $"maar {aantal} gevallen gegenereerd"); // a guard that the generation did not silently shrink
        Assert.True(fouten.Count == 0, $"{fouten.Count} slechte waarden niet netjes geweigerd:\n{string.Join("\n", fouten.Take(40))}");
        Assert.Empty(Stand.Verschil(voor, na));
    }

    [Fact]
    public async Task Text_that_only_looks_dangerous_and_values_at_the_limits_never_break_a_call()
    {
        var fouten = new List<string>();
        var aantal = 0;
        foreach (var (service, rpc) in Rpcs)
            foreach (var (pad, wat, verzoek) in Varianten(rpc.InputType, Randgeval))
            {
                aantal++;
                var status = await RoepAsync(service, rpc, verzoek);
                if (Kapot.Contains(status.StatusCode)) fouten.Add($"{rpc.Name} {pad} = {wat}: {status.StatusCode} {status.Detail}");
            }
        output.WriteLine($"{aantal} randgevallen; {fouten.Count} braken een aanroep");
        Assert.True(fouten.Count == 0, string.Join("\n", fouten.Take(40)));
    }

    [Fact]
    public async Task Random_bytes_are_refused_and_internal_only_when_they_are_no_protobuf()
    {
        var voor = await Stand.RustigAsync(_platform.DataDir, TimeSpan.FromSeconds(60));
        var toeval = new Random(7513);
        var fouten = new List<string>();
        var aanvaard = 0;
        foreach (var (service, rpc) in Rpcs)
            foreach (var lengte in new[] { 1, 7, 33, 200, 4096 })
            {
                var bytes = new byte[lengte];
                toeval.NextBytes(bytes);
                var leesbaar = true;
                try { rpc.InputType.Parser.ParseFrom(bytes); } catch (InvalidProtocolBufferException) { leesbaar = false; }
                var status = await RoepRuwAsync(service, rpc, bytes);
                if (status.StatusCode == StatusCode.OK) aanvaard++;
                if (status.StatusCode is StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Unavailable
                    || (status.StatusCode == StatusCode.Internal && leesbaar))
                    fouten.Add($"{rpc.Name} {lengte} bytes ({(leesbaar ? "leesbaar" : "onleesbaar")}): {status.StatusCode} {status.Detail}");
            }
        Assert.True(fouten.Count == 0, string.Join("\n", fouten.Take(40)));
        if (aanvaard == 0) Assert.Empty(Stand.Verschil(voor, await VanAsync()));
        output.WriteLine($"{Rpcs.Count() * 5} willekeurige verzoeken, {aanvaard} aanvaard");
    }

    private Task<IReadOnlyDictionary<string, string>> VanAsync() => Stand.RustigAsync(_platform.DataDir, TimeSpan.FromSeconds(60));

    private Task<Status> RoepAsync(ServiceDescriptor service, MethodDescriptor rpc, IMessage verzoek) => RoepAsync(service, rpc, verzoek,
        Marshallers.Create((IMessage m) => m.ToByteArray(), b => (IMessage)rpc.InputType.Parser.ParseFrom(b)),
        Marshallers.Create((IMessage m) => m.ToByteArray(), b => (IMessage)rpc.OutputType.Parser.ParseFrom(b)));

    private Task<Status> RoepRuwAsync(ServiceDescriptor service, MethodDescriptor rpc, byte[] bytes)
    {
        var ruw = Marshallers.Create((byte[] b) => b, b => b);
        return RoepAsync(service, rpc, bytes, ruw, ruw);
    }

    /// <summary>
    /// One request, as the RPC takes it: a unary or client-streaming RPC answers it once (a stream of one message); a
    /// server-streaming RPC answers with its first message, and the call hangs up after it.
    /// </summary>
    private async Task<Status> RoepAsync<TVerzoek, TAntwoord>(ServiceDescriptor service, MethodDescriptor rpc, TVerzoek verzoek,
        Marshaller<TVerzoek> heen, Marshaller<TAntwoord> terug) where TVerzoek : class where TAntwoord : class
    {
        var invoker = _platform.Als(Wie(service, rpc));
        var opties = new CallOptions(deadline: DateTime.UtcNow + Termijn);
        if (rpc.IsServerStreaming)
            return await Afwachten(async () =>
            {
                using var stroom = invoker.AsyncServerStreamingCall(
                    new Method<TVerzoek, TAntwoord>(MethodType.ServerStreaming, service.FullName, rpc.Name, heen, terug), null, opties, verzoek);
                await stroom.ResponseStream.MoveNext(CancellationToken.None);
            });
        var methode = new Method<TVerzoek, TAntwoord>(MethodType.Unary, service.FullName, rpc.Name, heen, terug);
        return await Afwachten(() => invoker.AsyncUnaryCall(methode, null, opties, verzoek).ResponseAsync);
    }

    private static async Task<Status> Afwachten(Func<Task> roep)
    {
        try { await roep(); return Status.DefaultSuccess; }
        catch (RpcException ex) { return ex.Status; }
    }

    private static Organisatie Wie(ServiceDescriptor service, MethodDescriptor rpc) =>
        Beleid.EersteToegelaten(Beleid.Rpcs.Single(b => b.Service == service.FullName && b.Rpc == rpc.Name));

    // ---- generation from the descriptors ----

    /// <summary>Per field (path), each value of <paramref name="waarden"/> for its type, set in a plausible request.</summary>
    private static IEnumerable<(string Pad, string Wat, IMessage Verzoek)> Varianten(MessageDescriptor type,
        Func<FieldDescriptor, IEnumerable<(string, object)>> waarden)
    {
        foreach (var pad in Paden(type, [], 0))
            foreach (var (wat, waarde) in waarden(pad[^1]))
            {
                var verzoek = Aannemelijk(type, 0);
                Zet(verzoek, pad, waarde);
                yield return (string.Join(".", pad.Select(v => v.Name)), wat, verzoek);
            }
    }

    /// <summary>Every field, and the fields of nested messages (a date and an instant are values of their own).</summary>
    private static IEnumerable<FieldDescriptor[]> Paden(MessageDescriptor type, FieldDescriptor[] tot, int diepte)
    {
        foreach (var veld in type.Fields.InFieldNumberOrder())
        {
            FieldDescriptor[] pad = [.. tot, veld];
            yield return pad;
            if (veld.FieldType == FieldType.Message && !IsWaarde(veld.MessageType) && diepte < 2)
                foreach (var dieper in Paden(veld.MessageType, pad, diepte + 1)) yield return dieper;
        }
    }

    private static bool IsWaarde(MessageDescriptor m) => m.FullName is "jbk.common.v1.Datum" or "google.protobuf.Timestamp";

    private static void Zet(IMessage bericht, FieldDescriptor[] pad, object waarde)
    {
        for (var i = 0; i < pad.Length - 1; i++)
        {
            var veld = pad[i];
            if (veld.IsRepeated)
            {
                var lijst = (IList)veld.Accessor.GetValue(bericht);
                if (lijst.Count == 0) lijst.Add(veld.MessageType.Parser.ParseFrom(ByteString.Empty));
                bericht = (IMessage)lijst[0]!;
            }
            else
            {
                if (veld.Accessor.GetValue(bericht) is not IMessage sub)
                    veld.Accessor.SetValue(bericht, sub = veld.MessageType.Parser.ParseFrom(ByteString.Empty));
                bericht = sub;
            }
        }
        var laatste = pad[^1];
        if (!laatste.IsRepeated) { laatste.Accessor.SetValue(bericht, waarde); return; }
        var doel = (IList)laatste.Accessor.GetValue(bericht);
        doel.Clear();
        if (waarde is IEnumerable reeks and not string and not ByteString) foreach (var w in reeks) doel.Add(w);
        else doel.Add(waarde);
    }

    /// <summary>A request that would pass the edge: every field a plausible value by its name and type.</summary>
    private static IMessage Aannemelijk(MessageDescriptor type, int diepte)
    {
        var bericht = type.Parser.ParseFrom(ByteString.Empty);
        if (type.FullName == "jbk.common.v1.Datum") return DateOnly.FromDateTime(DateTime.UtcNow).ToProto();
        if (type.FullName == "google.protobuf.Timestamp") return Timestamp.FromDateTime(DateTime.UtcNow.AddHours(1));
        if (diepte > 3) return bericht;
        foreach (var veld in type.Fields.InFieldNumberOrder())
        {
            object? waarde = veld.FieldType switch
            {
                FieldType.String => TekstVoor(veld.Name),
                FieldType.Enum => veld.EnumType.Values.Count > 1 ? veld.EnumType.Values[1].Number : 0,
                FieldType.Double => 10d,
                FieldType.Float => 10f,
                FieldType.Int32 => 1,
                FieldType.Int64 => 1L,
                FieldType.Bool => true,
                FieldType.Bytes => ByteString.CopyFromUtf8("synthetisch"),
                FieldType.Message => Aannemelijk(veld.MessageType, diepte + 1),
                _ => null,
            };
            if (waarde is null) continue;
            if (veld.IsRepeated) ((IList)veld.Accessor.GetValue(bericht)).Add(waarde);
            else veld.Accessor.SetValue(bericht, waarde);
        }
        return bericht;
    }

    private static string TekstVoor(string veld) => veld switch
    {
        "gi_code" or "van_gi" or "verzendende_gi" => "JBN",
        "ontvangende_gi" or "naar_gi" => "WSS",
        "regio" or "regios" => "drenthe",
        "gemeente" => "GM0106",
        "bsn" => "111222333",
        "doelgroepen" => "lvb",
        "soort" => "PlanVanAanpak",
        "postcode" => "9401AA",
        _ when veld.EndsWith("_id") || veld.EndsWith("_ids") || veld is "id" or "idempotentie_sleutel" => Guid.NewGuid().ToString(),
        _ => "synthetisch",
    };

    /// <summary>Values the edge must refuse, for each kind of field.</summary>
    private static IEnumerable<(string, object)> Slecht(FieldDescriptor veld)
    {
        if (veld.IsRepeated && veld.FieldType == FieldType.String)
        {
            yield return ("1001 waarden", Enumerable.Repeat("x", 1001).ToList());
            yield return ("64 KB", new string('a', 65536));
            yield return ("stuurtekens", "a\u0000b");
            yield break;
        }
        if (veld.IsRepeated && veld.FieldType == FieldType.Message && !IsWaarde(veld.MessageType))
        {
            // Their fields are generated one level down; here only too many of them.
            yield return ("1001 waarden", Enumerable.Range(0, 1001).Select(_ => veld.MessageType.Parser.ParseFrom(ByteString.Empty)).ToList());
            yield break;
        }
        switch (veld.FieldType)
        {
            case FieldType.String:
                yield return ("64 KB", new string('a', 65536));
                yield return ("1 MB", new string('b', 1 << 20));
                yield return ("stuurtekens", "a\u0000b\u001bc");
                yield return ("NEL", "a\u0085b");
                yield return ("ongeldig UTF-8", "a\uFFFDb");
                break;
            case FieldType.Enum:
                yield return ("99", 99);
                yield return ("-1", -1);
                yield return ("int32 max", int.MaxValue);
                break;
            case FieldType.Double:
                yield return ("NaN", double.NaN);
                yield return ("Infinity", double.PositiveInfinity);
                yield return ("-Infinity", double.NegativeInfinity);
                yield return ("1e308", 1e308);
                break;
            case FieldType.Int32:
                yield return ("int32 max", int.MaxValue);
                yield return ("int32 min", int.MinValue);
                break;
            case FieldType.Int64:
                yield return ("-1", -1L);
                yield return ("int64 min", long.MinValue);
                break;
            case FieldType.Bytes:
                yield return ("5 MB", ByteString.CopyFrom(new byte[5 << 20]));
                break;
            case FieldType.Message when veld.MessageType.FullName == "jbk.common.v1.Datum":
                foreach (var (j, m, d) in new[] { (9999, 12, 31), (1, 1, 1), (2025, 2, 31), (2025, 13, 1), (0, 0, 0), (-5, 1, 1) })
                    yield return ($"{j}-{m}-{d}", new Common.V1.Datum { Jaar = j, Maand = m, Dag = d });
                break;
            case FieldType.Message when veld.MessageType.FullName == "google.protobuf.Timestamp":
                yield return ("nanos -1", new Timestamp { Seconds = 1, Nanos = -1 });
                yield return ("jaar 10000", new Timestamp { Seconds = 253_402_300_800L });
                yield return ("jaar 1", new Timestamp { Seconds = -62_135_596_800L });
                break;
        }
    }

    /// <summary>Values the platform may accept, at or inside the limits, or text that only looks dangerous.</summary>
    private static IEnumerable<(string, object)> Randgeval(FieldDescriptor veld)
    {
        if (veld.IsRepeated && veld.FieldType != FieldType.String) yield break;
        switch (veld.FieldType)
        {
            case FieldType.String:
                foreach (var tekst in new[]
                {
                    "", "'; DROP TABLE maatregelen; --", "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "%s%n%x",
                    "Zoë Ünal-d'Ancona 🙂", new string('x', 150), " JBN ", "00000000-0000-0000-0000-000000000000",
                })
                    yield return (tekst.Length > 20 ? tekst[..20] + "…" : $"'{tekst}'", tekst);
                break;
            case FieldType.Int32:
                yield return ("100000", 100_000);
                yield return ("-100000", -100_000);
                yield return ("0", 0);
                break;
            case FieldType.Int64:
                yield return ("int64 max", long.MaxValue);
                yield return ("0", 0L);
                break;
            case FieldType.Double:
                yield return ("1e6", 1e6);
                yield return ("-1e6", -1e6);
                yield return ("0", 0d);
                break;
            case FieldType.Bytes:
                yield return ("leeg", ByteString.Empty);
                break;
            case FieldType.Message when veld.MessageType.FullName == "jbk.common.v1.Datum":
                yield return ("1900-01-01", new DateOnly(1900, 1, 1).ToProto());
                yield return ("2199-12-31", new DateOnly(2199, 12, 31).ToProto());
                break;
            case FieldType.Message when veld.MessageType.FullName == "google.protobuf.Timestamp":
                yield return ("1900", Timestamp.FromDateTime(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
                yield return ("2199", Timestamp.FromDateTime(new DateTime(2199, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
                break;
        }
    }
}
