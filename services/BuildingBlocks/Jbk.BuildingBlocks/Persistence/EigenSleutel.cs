using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jbk.BuildingBlocks.Persistence;

public static class EigenSleutelExtensions
{
    /// <summary>
    /// Gives owned rows a single generated key: SQLite generates values only for a one-column integer key, and EF's
    /// default key for an owned collection (owner id + ordinal) would not be generated there.
    /// </summary>
    public static OwnedNavigationBuilder<TOwner, T> MetEigenSleutel<TOwner, T>(this OwnedNavigationBuilder<TOwner, T> o, string eigenaarSleutel)
        where TOwner : class where T : class
    {
        o.WithOwner().HasForeignKey(eigenaarSleutel);
        o.Property<long>("Id").ValueGeneratedOnAdd();
        o.HasKey("Id");
        return o;
    }
}
