namespace Jbk.Contracts;

/// <summary>
/// Which gemeenten belong to which jeugdregio, so that only a gemeente of a region approves a stop or contracts a GI there.
/// One table for every service. Shipped for the regions the seeds speak of (Drenthe's 12 gemeenten, Groningen, Friesland)
/// and the largest cities; a gemeente not listed belongs to no region here and is refused for every region.
/// </summary>
public static class Jeugdregios
{
    private static readonly Dictionary<string, string[]> Gemeenten = new()
    {
        ["drenthe"] = ["GM0106", "GM0109", "GM0114", "GM0118", "GM0119", "GM1680", "GM1681", "GM1690", "GM1699", "GM1701", "GM1730", "GM1731"],
        ["groningen"] = ["GM0014", "GM0037", "GM0047", "GM0765", "GM1950", "GM1952", "GM1966", "GM1969", "GM1979", "GM1895"],
        ["friesland"] = ["GM0080", "GM0085", "GM0086", "GM0090", "GM0093", "GM0096", "GM0098", "GM0140", "GM1891", "GM1900", "GM1940", "GM1949", "GM1970", "GM0737", "GM0072", "GM0074", "GM0088", "GM0060"],
        ["amsterdam"] = ["GM0363"],
        ["rotterdam-rijnmond"] = ["GM0599"],
        ["haaglanden"] = ["GM0518"],
        ["utrecht"] = ["GM0344"],
    };

    public static bool HoortBij(string gemeente, string regio) =>
        Gemeenten.TryGetValue(regio.Trim().ToLowerInvariant(), out var codes) && codes.Contains(gemeente.Trim(), StringComparer.OrdinalIgnoreCase);
}
