using CatalogAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Saves one chunk of a batch of product changes (a bulk action, an import's updates, an undo): the changed products
/// with one UPDATE per up to 200 that changed the same fields (<see cref="MultiRowUpdate"/>), then everything else with
/// SaveChanges, then the new history entries with multi-row INSERTs (<see cref="MultiRowInsert"/>). What is stored is
/// what SaveChanges would store, each product's version is checked as SaveChanges checks it, and the change tracker is
/// left empty.
/// <para>
/// Why: SaveChanges sends a statement per product and per entry. For a price change of 100,000 products that was 15.9 s
/// of 22.8 s; one UPDATE of the same rows and its commit take 5.8 s. And a move to or from the trash fires the search-index
/// triggers, so each statement opens a statement journal, which makes both FTS5 indexes write what they hold as a new
/// segment: once per product, that was half the undo of an import (docs/performance.md, "Bulk actions").
/// </para>
/// </summary>
internal static class ProductBatchSave
{
    /// <exception cref="DbUpdateConcurrencyException">A product changed since it was read; the caller's transaction rolls back.</exception>
    public static async Task SaveChunkAsync(this CatalogDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A chunk is saved in several statements: begin the batch's transaction first.");
        }

        // Changes are detected once, here: each of the steps below would otherwise compare every tracked product again.
        db.ChangeTracker.DetectChanges();
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.UpdateModifiedAsync<Product>(cancellationToken);

            // Last, after SaveChanges has inserted any new product they belong to.
            var entries = db.ChangeTracker.Entries<ProductHistoryEntry>()
                .Where(entry => entry.State == EntityState.Added)
                .ToList();
            foreach (var entry in entries)
            {
                entry.State = EntityState.Detached;
            }

            if (db.ChangeTracker.HasChanges()) // counted by the tracker, without walking the chunk's entries again
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await db.InsertAllAsync(entries.Select(entry => entry.Entity).ToList(), cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
            db.ChangeTracker.Clear();
        }
    }
}
