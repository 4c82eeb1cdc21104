using System.Data.Common;
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
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
