using System.Data.Common;
using CatalogAdmin.Core.Products;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CatalogAdmin.Core.Persistence;

/// <summary>
/// Per-connection SQLite settings. busy_timeout makes SQLite itself wait for a competing writer,
/// which also covers a lock met while reading results, where Microsoft.Data.Sqlite does not retry.
/// mmap_size reads the file through the OS page cache (shared by all connections) instead of a read
/// call per page: large searches and deep pages on a big catalog spend far less time in the kernel.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    internal const string BusyTimeoutMilliseconds = "10000";
    private const string Pragmas = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA mmap_size = 1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        AddFunctions(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AddFunctions(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The app's search rules as SQL functions: catalog_search_key(name, sku), the fold (<see cref="ProductSearchText.KeyOf"/>),
    /// so a migration can fill the key of products saved before it existed; catalog_has_word(key, prefix)
    /// (<see cref="ProductSearchText.HasWordStartingWith"/>), so a list walk tests rows by the same rule as the word index.
    /// </summary>
    private static void AddFunctions(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        sqlite.CreateFunction("catalog_search_key", (string name, string sku) => ProductSearchText.KeyOf(name, sku), isDeterministic: true);
        sqlite.CreateFunction("catalog_has_word", (string key, string prefix) => ProductSearchText.HasWordStartingWith(key, prefix), isDeterministic: true);
    }
}
