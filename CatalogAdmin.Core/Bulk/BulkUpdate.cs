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

    /// <summary>One chunk of a batch: changes the selected products with these ids (inside the batch's transaction) and counts what it did.</summary>
    public delegate Task ChunkWork(CatalogDbContext db, Guid[] ids, Guid batchId, DateTimeOffset now, BulkTally tally, CancellationToken cancellationToken);

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
    public static Task<BulkResult> RunAsync(
        CatalogDbContext db,
        BulkSelection selection,
        BulkActionKind action,
        Step step,
        Func<int, string> summary,
        TimeProvider clock,
        ICurrentUser user,
        IPublisher publisher,
        CancellationToken cancellationToken,
        Func<CatalogDbContext, CancellationToken, Task>? checkInTransaction = null) =>
        RunAsync(db, selection, action, StepByStep(step), summary, clock, user, publisher, cancellationToken, checkInTransaction);

    /// <summary>Runs <paramref name="work"/> on the selected products' ids, chunk by chunk, in one transaction; then one notification.</summary>
    public static async Task<BulkResult> RunAsync(
        CatalogDbContext db,
        BulkSelection selection,
        BulkActionKind action,
        ChunkWork work,
        Func<int, string> summary,
        TimeProvider clock,
        ICurrentUser user,
        IPublisher publisher,
        CancellationToken cancellationToken,
        Func<CatalogDbContext, CancellationToken, Task>? checkInTransaction = null)
    {
        var now = clock.GetUtcNow();
        var batchId = Guid.CreateVersion7(now);
        var tally = new BulkTally();

        await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
        {
            if (checkInTransaction is not null)
            {
                await checkInTransaction(db, cancellationToken);
            }

            var ids = await selection.IdsIn(db).ToListAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(ChunkSize))
            {
                await work(db, chunk, batchId, now, tally, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var text = summary(tally.Changed);
        if (tally.Changed > 0)
        {
            await publisher.Publish(
                new ProductsChangedInBulkNotification(batchId, action, text, tally.Changed, tally.SkippedCount, now) { ChangedBy = user.Name },
                CancellationToken.None);
        }

        return new BulkResult(batchId, tally.Changed, tally.Unchanged, tally.SkippedCount, tally.Skipped, text);
    }

    /// <summary>Reads the chunk's products, runs <paramref name="step"/> on each, and saves them (<see cref="ProductBatchSave"/>).</summary>
    private static ChunkWork StepByStep(Step step) => async (db, ids, batchId, now, tally, cancellationToken) =>
    {
        // The chunk's ids as one parameter (EF.Parameter), not EF Core 10's one per id, which SQLite binds by name
        // at a cost that grows with the square of their number.
        var products = await db.Products.Where(p => EF.Parameter(ids).Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var product in products)
        {
            var (outcome, skipReason) = step(product, batchId, now);
            switch (outcome)
            {
                case Outcome.Changed:
                    tally.Changed++;
                    break;
                case Outcome.Unchanged:
                    tally.Unchanged++;
                    break;
                default:
                    tally.Skip(new SkippedProduct(product.Id, product.Name, product.Sku, skipReason ?? "Not changed."));
                    break;
            }
        }

        await db.SaveChunkAsync(cancellationToken);
    };

    /// <summary>"1 product", "1,240 products".</summary>
    public static string Products(int count) => count == 1 ? "1 product" : $"{count:N0} products";

    /// <summary>Why <paramref name="after"/> cannot be saved (the price's rule first), or null.</summary>
    private static string? RuleBroken(ProductFields after)
    {
        if (PriceSkipReason(after.Price) is { } price)
        {
            return price;
        }

        var errors = new ValidationErrors();
        ProductRules.Check(after, errors);
        return errors.IsEmpty ? null : errors.ToDictionary().First().Value[0];
    }

    /// <summary>Why a product cannot take the price a bulk action gave it ("The price would be 1,050,000.00. Price must be …"), or null.</summary>
    public static string? PriceSkipReason(decimal price) =>
        ProductRules.PriceError(price) is { } error ? $"The price would be {price:N2}. {error}" : null;
}

/// <summary>What a bulk action has done so far: counts, and the first <see cref="BulkUpdate.SkippedListed"/> skipped products.</summary>
internal sealed class BulkTally
{
    private readonly List<SkippedProduct> _skipped = [];

    public int Changed { get; set; }

    public int Unchanged { get; set; }

    public int SkippedCount { get; private set; }

    public IReadOnlyList<SkippedProduct> Skipped => _skipped;

    /// <summary>Whether another skipped product would still be listed.</summary>
    public bool ListsMoreSkipped => _skipped.Count < BulkUpdate.SkippedListed;

    /// <summary>Counts a skipped product, and lists it while the list has room.</summary>
    public void Skip(SkippedProduct product)
    {
        SkippedCount++;
        if (ListsMoreSkipped)
        {
            _skipped.Add(product);
        }
    }
}
