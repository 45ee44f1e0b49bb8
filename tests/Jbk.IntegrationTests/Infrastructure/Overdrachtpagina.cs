using Jbk.Overdracht.V1;

namespace Jbk.IntegrationTests.Infrastructure;

/// <summary>Reads every page of a ZoekOverdrachten question, as a receiver polling its handovers would.</summary>
internal static class Overdrachtpagina
{
    public static async Task<List<Overdracht.V1.Overdracht>> AllesAsync(OverdrachtService.OverdrachtServiceClient client, ZoekOverdrachtenRequest vraag)
    {
        var alle = new List<Overdracht.V1.Overdracht>();
        for (var pagina = 0; pagina < 1000; pagina++)
        {
            var antwoord = await client.ZoekOverdrachtenAsync(vraag);
            Assert.True(vraag.PageSize == 0 || antwoord.Inkomend.Count + antwoord.Uitgaand.Count <= vraag.PageSize, "a page holds at most page_size handovers");
            alle.AddRange(antwoord.Inkomend.Concat(antwoord.Uitgaand));
            if (antwoord.NextPageToken.Length == 0) return alle;
            vraag = vraag.Clone();
            vraag.PageToken = antwoord.NextPageToken;
        }
        throw new InvalidOperationException("ZoekOverdrachten gaf na 1000 pagina's nog een volgende pagina.");
    }
}
