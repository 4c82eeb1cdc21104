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

/// <summary>Which bulk action changed the products.</summary>
public enum BulkActionKind
{
    SetStatus,
    SetCategory,
    AdjustPrice,
    SetStock,
    AdjustStock,
    QuickEdit,
    MoveToTrash,
}

/// <summary>
/// Published once per bulk action (or quick-edit save) after its transaction committed: one toast, one activity entry,
/// one refresh per open list, however many products changed.
/// </summary>
public sealed record ProductsChangedInBulkNotification(
    Guid BatchId, BulkActionKind Action, string Summary, int Changed, int Skipped, DateTimeOffset OccurredAt) : IBatchChangeNotification
{
    public string? ChangedBy { get; init; }

    int IBatchChangeNotification.ProductCount => Changed;
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

    /// <summary>What one product's step did.</summary>
    public enum Outcome
    {
        Changed,
        Unchanged,
        Skipped,
    }

    /// <summary>One product's step of a batch: changes the tracked product and records its history, or says why not.</summary>
    public delegate (Outcome Outcome, string? SkipReason) Step(Product product, Guid batchId, DateTimeOffset now);

    /// <summary>Sets new field values on every selected product (those the change would make invalid are skipped).</summary>
    public static Task<BulkResult> ApplyAsync(
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
        var role = ProductHistory.RoleOf(user);
        return RunAsync(db, selection, action, Update, summary, clock, user, publisher, cancellationToken, checkInTransaction);

        (Outcome, string?) Update(Product product, Guid batchId, DateTimeOffset now)
        {
            var before = product.Fields;
            var (after, skipReason) = change(before);
            skipReason ??= after is null ? "Not changed." : RuleBroken(after);
            if (skipReason is not null)
            {
                return (Outcome.Skipped, skipReason);
            }

            if (after!.Normalized() == before)
            {
                return (Outcome.Unchanged, null);
            }

            product.Update(after, now);
            ProductHistory.Record(db, product, before, ProductHistoryKind.Updated, ChangeSource.Bulk, user.Name, now, batchId, role);
            return (Outcome.Changed, null);
        }
    }

    /// <summary>Runs <paramref name="step"/> on every selected product, chunk by chunk, in one transaction; then one notification.</summary>
    public static async Task<BulkResult> RunAsync(
        CatalogDbContext db,
        BulkSelection selection,
        BulkActionKind action,
        Step step,
        Func<int, string> summary,
        TimeProvider clock,
        ICurrentUser user,
        IPublisher publisher,
        CancellationToken cancellationToken,
        Func<CatalogDbContext, CancellationToken, Task>? checkInTransaction = null)
    {
        var now = clock.GetUtcNow();
        var batchId = Guid.CreateVersion7(now);
        int changed = 0, unchanged = 0, skippedCount = 0;
        var skipped = new List<SkippedProduct>();

        await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
        {
            if (checkInTransaction is not null)
            {
                await checkInTransaction(db, cancellationToken);
            }

            var ids = await selection.IdsIn(db).ToListAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(ChunkSize))
            {
                // The chunk's ids as one parameter (EF.Parameter), not EF Core 10's one per id, which SQLite binds by name
                // at a cost that grows with the square of their number.
                var products = await db.Products.Where(p => EF.Parameter(chunk).Contains(p.Id)).ToListAsync(cancellationToken);
                foreach (var product in products)
                {
                    var (outcome, skipReason) = step(product, batchId, now);
                    switch (outcome)
                    {
                        case Outcome.Changed:
                            changed++;
                            break;
                        case Outcome.Unchanged:
                            unchanged++;
                            break;
                        default:
                            skippedCount++;
                            if (skipped.Count < SkippedListed)
                            {
                                skipped.Add(new SkippedProduct(product.Id, product.Name, product.Sku, skipReason ?? "Not changed."));
                            }

                            break;
                    }
                }

                await db.SaveChunkAsync(cancellationToken);
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
