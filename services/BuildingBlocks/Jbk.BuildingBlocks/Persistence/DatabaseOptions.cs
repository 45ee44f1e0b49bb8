namespace Jbk.BuildingBlocks.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Configuration section <c>Jbk:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// PostgreSQL server connection string without a database; each service gets its own database
    /// <c>jbk_&lt;service&gt;</c> unless <c>ConnectionStrings:&lt;service&gt;</c> names one.
    /// </summary>
    public string? Postgres { get; set; }
}
