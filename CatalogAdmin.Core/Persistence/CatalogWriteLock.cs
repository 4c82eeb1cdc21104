using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CatalogAdmin.Core.Persistence;

/// <summary>
/// A transaction for a unit of work that reads, decides and writes several rows (bulk actions, quick edit, import,
/// undo, purge), holding the catalog's write lock from its first statement, so nobody else's such unit runs in between.
/// SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, the database's one write lock. PostgreSQL: a
/// transaction-scoped advisory lock, which every instance on the same database takes alike and which ends with the
/// transaction; single-row saves need none, their version check in the UPDATE settles races.
/// </summary>
public static class CatalogWriteLock
{
    /// <summary>The advisory lock's key (any constant both sides agree on: "CatA" in ASCII).</summary>
    public const long AdvisoryKey = 0x43617441;

    /// <summary>
    /// SQLite's page cache while a unit of work runs, in KiB (PRAGMA cache_size takes a negative number for KiB). A bulk
    /// change of 100,000 products spread over a 1M catalog changes most pages of the table and of four indexes, and each
    /// index page many times over; with the default 2 MB the cache spills changed pages into the WAL and reads them back
    /// again and again. The cache holds only what the unit touches, up to this size, and is given back when the unit ends.
    /// At 1M products price +5% on 100,000 went from 44–49 s to 27–29 s, and its undo from 43–49 s to 22–23 s; 1 GB was no
    /// faster (docs/performance.md, "Bulk actions and quick edit").
    /// </summary>
    internal const int SqliteUnitOfWorkCacheKiB = 524_288;

    /// <summary>
    /// The page cache of an import's apply, which already holds its parsed rows (about 160 MB for 100,000): smaller, so the
    /// import's memory growth stays under its 300 MB budget. At 1M products the apply of 100,000 rows took 30.9 s with it
    /// (258 MB growth) and 33.3 s with the larger cache (665 MB).
    /// </summary>
    internal const int SqliteImportCacheKiB = 131_072;

    /// <summary>SQLite's own default page cache (2,000 KiB), which every other statement runs with.</summary>
    internal const int SqliteDefaultCacheKiB = 2_000;

    public static Task<IDbContextTransaction> BeginWriteTransactionAsync(this DbContext db, CancellationToken cancellationToken) =>
        db.BeginWriteTransactionAsync(SqliteUnitOfWorkCacheKiB, cancellationToken);

    /// <param name="sqliteCacheKiB">The unit's page cache on SQLite (<see cref="SqliteUnitOfWorkCacheKiB"/> unless it must hold less).</param>
    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DbContext db, int sqliteCacheKiB, CancellationToken cancellationToken)
    {
        // SaveChanges inside our transaction would otherwise set a savepoint each time, and SQLite then copies every page
        // it changes into a statement journal first. A unit of work is committed or rolled back whole, never retried
        // from a savepoint.
        db.Database.AutoSavepointsEnabled = false;
        if (db.Database.IsPostgreSql())
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryKey})", cancellationToken);
            return transaction;
        }

        // Opened by us, so the connection (and the cache set on it) stays the same one until the unit of work is disposed.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // The unit's page cache, and statement journals (an UPDATE that fires triggers keeps one, to undo itself alone)
            // in memory instead of temp files.
            await db.Database.ExecuteSqlRawAsync(
                string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{sqliteCacheKiB}; PRAGMA temp_store = MEMORY"), cancellationToken);
            return new SqliteUnitOfWork(await db.Database.BeginTransactionAsync(cancellationToken), db);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>SQLite's defaults, which every other statement runs with.</summary>
    private static readonly string SqliteDefaultSettings =
        string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{SqliteDefaultCacheKiB}; PRAGMA temp_store = DEFAULT");

    /// <summary>
    /// The SQLite transaction on a connection opened for it. Disposing it ends the transaction (a rollback unless
    /// committed), sets SQLite's defaults again and closes the connection, which returns to the pool
    /// without the unit of work's cache.
    /// </summary>
    private sealed class SqliteUnitOfWork(IDbContextTransaction transaction, DbContext db) : IDbContextTransaction
    {
        public Guid TransactionId => transaction.TransactionId;

        public void Commit() => transaction.Commit();

        public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

        public void Rollback() => transaction.Rollback();

        public Task RollbackAsync(CancellationToken cancellationToken = default) => transaction.RollbackAsync(cancellationToken);

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
            }
            finally
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync(SqliteDefaultSettings, CancellationToken.None);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
        }
    }
}
