using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CatalogAdmin.Core.Persistence;

/// <summary>
/// A transaction for a unit of work that reads, decides and writes several rows (bulk actions, quick edit, import,
/// purge), holding the catalog's write lock from its first statement, so nobody else's such unit runs in between.
/// SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, the database's one write lock. PostgreSQL: a
/// transaction-scoped advisory lock, which every instance on the same database takes alike and which ends with the
/// transaction; single-row saves need none, their version check in the UPDATE settles races.
/// </summary>
public static class CatalogWriteLock
{
    /// <summary>The advisory lock's key (any constant both sides agree on: "CatA" in ASCII).</summary>
    public const long AdvisoryKey = 0x43617441;

    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsPostgreSql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryKey})", cancellationToken);
        }

        return transaction;
    }
}
