using CatalogAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Saves many products moved to or from the trash (<see cref="Product.MoveToTrash"/> or <see cref="Product.Restore"/> has
/// run on each, tracked) with one UPDATE for all that share their values, where SaveChanges sends one per product.
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
    public static async Task SaveTogetherAsync(CatalogDbContext db, IReadOnlyCollection<Product> moved, CancellationToken cancellationToken)
    {
        if (moved.Count == 0)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var groups = moved.GroupBy(product =>
        {
            var entry = db.Entry(product);
            var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).Order().ToList();
            if (!changed.SequenceEqual(Changes))
            {
                throw new InvalidOperationException(
                    $"A move to or from the trash changed {string.Join(", ", changed)}, not {string.Join(", ", Changes)}: save it with SaveChanges.");
            }

            return (OldVersion: entry.Property(p => p.Version).OriginalValue, product.Version, product.DeletedAt, product.DeletedBy);
        });
        foreach (var group in groups)
        {
            var (oldVersion, version, deletedAt, deletedBy) = group.Key;
            var ids = group.Select(p => p.Id).ToList();
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

            foreach (var product in group)
            {
                db.Entry(product).State = EntityState.Unchanged;
            }
        }
    }
}
