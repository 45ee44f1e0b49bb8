using Jbk.BuildingBlocks.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jbk.BuildingBlocks.Persistence;

/// <summary>
/// A person's step on something versioned (load, apply the domain's rule, save) when the request names no version:
/// the person decided on the thing, not on the moment it was read. When another writer (the process itself, another
/// party) committed between the load and the save, the step is taken again on what is there now and its rule judges
/// that; only a thing that keeps changing is refused, as ABORTED with the given message.
/// </summary>
public static class StapOpVersie
{
    /// <summary>How often a step is taken in all before it is refused.</summary>
    public const int Pogingen = 3;

    public static async Task<T> OpnieuwBijGelijktijdigeWijziging<T>(DbContext db, Func<Task<T>> stap, string weigering)
    {
        for (var poging = 1; ; poging++)
        {
            try
            {
                return await stap();
            }
            catch (DbUpdateConcurrencyException) when (poging < Pogingen)
            {
                db.ChangeTracker.Clear(); // what this attempt loaded and queued (events included) is dropped with it
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new GelijktijdigGewijzigdException(weigering);
            }
        }
    }
}
