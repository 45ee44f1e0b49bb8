using Grpc.Core;
using Jbk.BuildingBlocks.Security;
using Jbk.IntegrationTests.Infrastructure;
using Jbk.Maatregelen.V1;
using Npgsql;

namespace Jbk.IntegrationTests;

/// <summary>
/// The NEN 7513 access log of maatregelregistratie in the distributed mode: reads and refusals of personal data are logged
/// with the data they concern, an organisation reads only its own entries, and the chain check finds a row edited in the
/// database.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class ToegangslogTests(DistributedPlatform platform)
{
    [Fact]
    public async Task A_read_and_a_refusal_are_logged_and_each_organisation_sees_only_its_own_entries()
    {
        var maatregel = (await platform.Maatregelen(Organisatie.Gi("JBB")).RegistreerMaatregelAsync(Registratie.Ots("JBB", "brabant"))).Maatregel;
        await platform.Maatregelen(Organisatie.Gi("JBB")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = maatregel.Id });
        var geweigerd = await Assert.ThrowsAsync<RpcException>(() =>
            platform.Maatregelen(Organisatie.Gi("BJZL")).GeefMaatregelAsync(new GeefMaatregelRequest { MaatregelId = maatregel.Id }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, geweigerd.StatusCode);

        var eigen = (await platform.Maatregelen(Organisatie.Gi("JBB")).LeesToegangslogAsync(new LeesToegangslogRequest { Aantal = 1000 })).Regels;
        Assert.All(eigen, r => Assert.Equal("gi:JBB", r.Organisatie));
        var lezing = eigen.First(r => r.Handeling.EndsWith("/GeefMaatregel") && r.Betrokkenen.Contains($"maatregel:{maatregel.Id}"));
        Assert.Equal("OK", lezing.Uitkomst);
        Assert.Contains($"jeugdige:{maatregel.JeugdigeId}", lezing.Betrokkenen);
        Assert.Contains(eigen, r => r.Handeling.EndsWith("/RegistreerMaatregel") && r.Betrokkenen.Contains($"maatregel:{maatregel.Id}"));

        var vreemd = (await platform.Maatregelen(Organisatie.Gi("BJZL")).LeesToegangslogAsync(new LeesToegangslogRequest { Aantal = 1000 })).Regels;
        Assert.All(vreemd, r => Assert.Equal("gi:BJZL", r.Organisatie));
        Assert.Contains(vreemd, r => r.Handeling.EndsWith("/GeefMaatregel") && r.Uitkomst == "PERMISSION_DENIED" && r.Betrokkenen.Contains($"maatregel:{maatregel.Id}"));

        // The privacy officer reads every organisation's entries.
        var alle = (await platform.Maatregelen(Organisatie.Privacyfunctionaris).LeesToegangslogAsync(new LeesToegangslogRequest { Aantal = 1000 })).Regels;
        Assert.Contains(alle, r => r.Organisatie == "gi:JBB" && r.Betrokkenen.Contains($"maatregel:{maatregel.Id}"));
        Assert.Contains(alle, r => r.Organisatie == "gi:BJZL" && r.Uitkomst == "PERMISSION_DENIED" && r.Betrokkenen.Contains($"maatregel:{maatregel.Id}"));
    }

    [Fact]
    public async Task Only_the_operator_and_the_privacy_officer_check_the_chain_and_a_row_edited_in_the_database_is_found_at_its_place()
    {
        var jbb = platform.Maatregelen(Organisatie.Gi("JBB"));
        var weigering = await Assert.ThrowsAsync<RpcException>(() => jbb.ControleerToegangslogAsync(new ControleerToegangslogRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, weigering.StatusCode);

        await jbb.ZoekMaatregelenAsync(new ZoekMaatregelenRequest { GiCode = "JBB" });
        var beheer = platform.Maatregelen(Organisatie.Operator);
        Assert.True((await beheer.ControleerToegangslogAsync(new ControleerToegangslogRequest())).Uitslag.Intact);
        Assert.True((await platform.Maatregelen(Organisatie.Privacyfunctionaris).ControleerToegangslogAsync(new ControleerToegangslogRequest())).Uitslag.Intact);

        // Someone with database access turns a refusal into an allowed read, or changes who read.
        await using var db = new NpgsqlConnection(platform.DatabaseConnectionString("maatregelregistratie"));
        await db.OpenAsync();
        long volgorde;
        string organisatie;
        await using (var lees = new NpgsqlCommand("""SELECT "Volgorde", "Organisatie" FROM toegangslog ORDER BY "Volgorde" LIMIT 1 OFFSET 1""", db))
        await using (var rij = await lees.ExecuteReaderAsync())
        {
            Assert.True(await rij.ReadAsync());
            (volgorde, organisatie) = (rij.GetInt64(0), rij.GetString(1));
        }
        async Task ZetOrganisatie(string waarde)
        {
            await using var wijzig = new NpgsqlCommand("""UPDATE toegangslog SET "Organisatie" = @o WHERE "Volgorde" = @v""", db);
            wijzig.Parameters.AddWithValue("o", waarde);
            wijzig.Parameters.AddWithValue("v", volgorde);
            Assert.Equal(1, await wijzig.ExecuteNonQueryAsync());
        }
        await ZetOrganisatie("operator");
        try
        {
            var uitslag = (await beheer.ControleerToegangslogAsync(new ControleerToegangslogRequest())).Uitslag;
            Assert.False(uitslag.Intact);
            Assert.Equal(volgorde, uitslag.Volgorde);
            Assert.Contains("gewijzigd", uitslag.Reden);
        }
        finally { await ZetOrganisatie(organisatie); }
        Assert.True((await beheer.ControleerToegangslogAsync(new ControleerToegangslogRequest())).Uitslag.Intact);
    }
}
