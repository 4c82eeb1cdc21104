using System.Data;
using System.Data.Common;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Persistence;

/// <summary>The SQLite unit of work behind bulk actions, imports, undo and purge: a large page cache while it runs, SQLite's defaults after.</summary>
public sealed class CatalogWriteLockTests : HandlerTest
{
    /// <summary>More connections than the tests' host ever opens at once: together they take every idle one in the pool.</summary>
    private const int PooledConnections = 8;

    private const long DefaultTempStore = 0;
    private const long MemoryTempStore = 2;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_unit_of_work_runs_with_a_large_page_cache_and_returns_its_connection_to_the_pool_with_the_defaults(bool commit)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var db = Host.OpenDb())
        {
            await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
            {
                Assert.Equal(-CatalogWriteLock.SqliteUnitOfWorkCacheKiB, await PragmaAsync(db.Database.GetDbConnection(), "cache_size"));
                Assert.Equal(MemoryTempStore, await PragmaAsync(db.Database.GetDbConnection(), "temp_store"));
                db.Categories.Add(new Category("Written in the unit", Host.Clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
                if (commit)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }

            Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        }

        // Every idle connection of the pool, the unit's among them, is back at SQLite's default.
        var connections = new List<SqliteConnection>();
        try
        {
            for (var i = 0; i < PooledConnections; i++)
            {
                var connection = new SqliteConnection(Host.ConnectionString);
                connections.Add(connection);
                await connection.OpenAsync(cancellationToken);
                Assert.Equal(-CatalogWriteLock.SqliteDefaultCacheKiB, await PragmaAsync(connection, "cache_size"));
                Assert.Equal(DefaultTempStore, await PragmaAsync(connection, "temp_store"));
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        await using var check = Host.OpenDb();
        Assert.Equal(commit, await check.Categories.AnyAsync(c => c.Name == "Written in the unit", cancellationToken));
    }

    private static async Task<long> PragmaAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
