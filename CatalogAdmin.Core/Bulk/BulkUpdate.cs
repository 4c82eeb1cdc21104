using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>What a bulk action did. <see cref="Skipped"/> lists at most <see cref="BulkUpdate.SkippedListed"/> of them.</summary>
/// <param name="BatchId">The action's id: its history entries and activity entry carry it, and undo takes it.</param>
/// <param name="Changed">Products changed.</param>
/// <param name="Unchanged">Products that already had the values (nothing written).</param>
/// <param name="SkippedCount">Products the change would have made invalid, left as they were.</param>
public sealed record BulkResult(Guid BatchId, int Changed, int Unchanged, int SkippedCount, IReadOnlyList<SkippedProduct> Skipped, string Summary);

/// <summary>A product a batch change (a bulk action, an undo) left alone, and why.</summary>
public sealed record SkippedProduct(Guid Id, string Name, string Sku, string Reason);

/// <summary>Which bulk action changed the products.</summary>
public enum BulkActionKind
{
    SetStatus,
    SetCategory,
    AdjustPrice,
    SetStock,
    AdjustStock,
    QuickEdit,
}

/// <summary>
/// Published once per bulk action (or quick-edit save) after its transaction committed: one toast, one activity entry,
/// one refresh per open list, however many products changed.
/// </summary>
public sealed record ProductsChangedInBulkNotification(
    Guid BatchId, BulkActionKind Action, string Summary, int Changed, int Skipped, DateTimeOffset OccurredAt) : INotification
{
    public string? ChangedBy { get; init; }
}

/// <summary>
/// Applies one change to every selected product in one transaction, which takes the database's write lock first
/// (SQLite BEGIN IMMEDIATE), so nobody saves a selected product between its read and its write. A product the change
/// would make invalid (a price over the maximum) is skipped and listed, never clamped.
/// </summary>
internal static class BulkUpdate
{
    /// <summary>Products read, changed and saved at a time; bounds the memory one action takes.</summary>
    public const int ChunkSize = 1_000;

    public const int SkippedListed = 100;

    /// <summary>The new fields for a product, or why it is left as it is.</summary>
    public delegate (ProductFields? After, string? SkipReason) Change(ProductFields before);

    public static async Task<BulkResult> ApplyAsync(
        CatalogDbContext db,
        BulkSelection selection,
        BulkActionKind action,
        Change change,
        Func<int, string> summary,
        TimeProvider clock,
        ICurrentUser user,
        IPublisher publisher,
        CancellationToken cancellationToken,
        Func<CatalogDbContext, CancellationToken, Task>? checkInTransaction = null)
    {
        var batchId = Guid.CreateVersion7(clock.GetUtcNow());
        var now = clock.GetUtcNow();
        int changed = 0, unchanged = 0, skippedCount = 0;
        var skipped = new List<SkippedProduct>();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (checkInTransaction is not null)
            {
                await checkInTransaction(db, cancellationToken);
            }

            var ids = await selection.IdsIn(db).ToListAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(ChunkSize))
            {
                var products = await db.Products.Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken);
                foreach (var product in products)
                {
                    var before = product.Fields;
                    var (after, skipReason) = change(before);
                    skipReason ??= after is null ? "Not changed." : RuleBroken(after);
                    if (skipReason is not null)
                    {
                        skippedCount++;
                        if (skipped.Count < SkippedListed)
                        {
                            skipped.Add(new SkippedProduct(product.Id, product.Name, product.Sku, skipReason));
                        }
                    }
                    else if (after!.Normalized() == before)
                    {
                        unchanged++;
                    }
                    else
                    {
                        product.Update(after, now);
                        // History: ProductHistory.Record(db, product, before, ProductHistoryKind.Updated, ChangeSource.Bulk, user.Name, now, batchId)
                        changed++;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var text = summary(changed);
        if (changed > 0)
        {
            await publisher.Publish(
                new ProductsChangedInBulkNotification(batchId, action, text, changed, skippedCount, now) { ChangedBy = user.Name },
                CancellationToken.None);
        }

        return new BulkResult(batchId, changed, unchanged, skippedCount, skipped, text);
    }

    /// <summary>"1 product", "1,240 products".</summary>
    public static string Products(int count) => count == 1 ? "1 product" : $"{count:N0} products";

    private static string? RuleBroken(ProductFields after)
    {
        var errors = new ValidationErrors();
        ProductRules.Check(after, errors);
        if (errors.IsEmpty)
        {
            return null;
        }

        var messages = errors.ToDictionary();
        return messages.TryGetValue(nameof(ProductField.Price), out var price)
            ? $"The price would be {after.Price:N2}. {price[0]}"
            : messages.First().Value[0];
    }
}
