using CatalogAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Saves the tracked products moved to or from the trash (those whose only changes are what <see cref="Product.MoveToTrash"/>
/// or <see cref="Product.Restore"/> change) with one UPDATE for all that share their values, where SaveChanges sends one
/// per product; SaveChanges then saves the rest. Call it just before SaveChanges.
/// <para>
/// Why: a move to or from the trash fires the search-index triggers, so each UPDATE opens a statement journal, and each
/// statement journal makes both FTS5 indexes write what they hold as a new segment. Once per product, that was half the
/// undo of an import's new products (docs/performance.md, "CSV export and import").
/// </para>
/// The values written are the ones the entities hold, and each product's old version is checked, as SaveChanges checks it.
/// </summary>
internal static class TrashMoves
{
    /// <summary>What <see cref="Product.MoveToTrash"/> and <see cref="Product.Restore"/> change, in order.</summary>
    private static readonly string[] Changes = [nameof(Product.DeletedAt), nameof(Product.DeletedBy), nameof(Product.Version)];

    /// <exception cref="DbUpdateConcurrencyException">A product changed since it was read (the caller's transaction rolls back).</exception>
    public static async Task SaveTogetherAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var groups = db.ChangeTracker.Entries<Product>()
            .Where(entry => entry.State == EntityState.Modified
                && entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).Order().SequenceEqual(Changes))
            .GroupBy(entry => (
                OldVersion: entry.Property(p => p.Version).OriginalValue,
                entry.Entity.Version,
                entry.Entity.DeletedAt,
                entry.Entity.DeletedBy))
            .ToList();
        foreach (var group in groups)
        {
            var (oldVersion, version, deletedAt, deletedBy) = group.Key;
            var ids = group.Select(entry => entry.Entity.Id).ToList();
            var written = await db.Products
                .Where(p => ids.Contains(p.Id) && p.Version == oldVersion)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(p => p.DeletedAt, deletedAt)
                        .SetProperty(p => p.DeletedBy, deletedBy)
                        .SetProperty(p => p.Version, version),
                    cancellationToken);
            if (written != ids.Count)
            {
                throw new DbUpdateConcurrencyException($"{ids.Count - written} of {ids.Count} products changed since they were read.");
            }

            foreach (var entry in group)
            {
                entry.State = EntityState.Unchanged;
            }
        }
    }
}
