using System.Security.Cryptography;
using System.Text;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// An id that follows from a name: asking again (after a crash, from another process) gives the same id, so the
/// thing it names is made once. Not for anything a person could be traced by.
/// </summary>
public static class AfgeleidId
{
    public static Guid Van(string naam) => new(SHA256.HashData(Encoding.UTF8.GetBytes(naam)).AsSpan(0, 16));
}
