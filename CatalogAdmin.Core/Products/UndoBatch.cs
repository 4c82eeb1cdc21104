using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Undoes an import or bulk action: every product it changed that nobody has changed since gets its old values back, a
/// product it created goes to the trash, and a product it moved to the trash comes back, in one transaction, with
/// history source <see cref="ChangeSource.Undo"/>. A product changed since is left as it is and listed in
/// <see cref="BatchUndoResult.Skipped"/>. A batch is undone once (<see cref="UndoneBatch"/>): a second undo is refused.
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record UndoBatchCommand(Guid BatchId) : IRequest<BatchUndoResult>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new("Batch", BatchId);
}

/// <param name="Summary">What the undo did, as its toast and activity entry say it.</param>
public sealed record BatchUndoResult(int Reverted, IReadOnlyList<SkippedProduct> Skipped, string Summary);

/// <summary>A product a batch change (a bulk action, an undo) left as it is, and why.</summary>
public sealed record SkippedProduct(Guid Id, string Name, string Sku, string Reason);

/// <summary>Published once per undone batch (not once per product), after the save.</summary>
/// <param name="BatchId">The id of the batch undone.</param>
public sealed record ProductBatchUndoneNotification(Guid BatchId, IReadOnlyList<Guid> ProductIds, int Skipped, string Summary, DateTimeOffset OccurredAt)
    : IBatchChangeNotification
{
    public string? ChangedBy { get; init; }

    public int ProductCount => ProductIds.Count;
}

internal sealed class UndoBatchValidator(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestValidator<UndoBatchCommand>
{
    public const string AlreadyUndone = "This has been undone already.";
    public const string NothingToUndo = "There is nothing to undo: no product has a change from this batch.";

    // Whether it has been undone already is asked in the undo's transaction (UndoBatchHandler), where the answer holds.
    public async Task ValidateAsync(UndoBatchCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ProductHistory.AnyAsync(e => e.BatchId == request.BatchId, cancellationToken))
        {
            errors.Add(nameof(request.BatchId), NothingToUndo);
        }
    }
}

/// <summary>
/// Undoes a batch through its products' entities, a thousand at a time; a batch that changed prices and nothing else
/// (a bulk price change) is undone by the database, with the same outcome (<see cref="PriceUndoInDatabase"/>).
/// </summary>
internal sealed class UndoBatchHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<UndoBatchCommand, BatchUndoResult>
{
    public const string ChangedSinceReason = "It was changed after this batch; it was left as it is.";
    public const string SkuTakenReason = "Its old SKU is now used by another product.";
    public const string CategoryGoneReason = "Its old category has been deleted since.";

    /// <summary>Products read and undone at a time; bounds the memory an undo of a large batch takes.</summary>
    private const int ChunkSize = 1_000;

    public async Task<BatchUndoResult> Handle(UndoBatchCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var undoBatchId = Guid.CreateVersion7(now);
        var role = ProductHistory.RoleOf(user);
        List<SkippedProduct> skipped;
        List<Guid> undone;
        string? undoneSummary;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
        {
            // The transaction holds the write lock, so no other undo of this batch can start or finish until it ends.
            if (await db.UndoneBatches.AnyAsync(b => b.BatchId == request.BatchId, cancellationToken))
            {
                throw new RequestValidationException(nameof(request.BatchId), UndoBatchValidator.AlreadyUndone);
            }

            undoneSummary = await db.Activity.AsNoTracking()
                .Where(e => e.BatchId == request.BatchId && e.Batch != ActivityBatchKind.Undo)
                .Select(e => e.Detail)
                .FirstOrDefaultAsync(cancellationToken);
            (undone, skipped) = await PriceUndoInDatabase.AppliesToAsync(db, request.BatchId, cancellationToken)
                ? await PriceUndoInDatabase.UndoAsync(db, request.BatchId, undoBatchId, now, user.Name, role, cancellationToken)
                : await UndoProductByProductAsync(db, request.BatchId, undoBatchId, now, role, cancellationToken);

            if (undone.Count > 0)
            {
                // Undone, in the same commit as the products: a batch whose every product was skipped can be tried again.
                db.UndoneBatches.Add(new UndoneBatch(request.BatchId, user.Name, now));
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var summary = Summary(undoneSummary, undone.Count, skipped.Count);
        if (undone.Count > 0)
        {
            await publisher.Publish(
                new ProductBatchUndoneNotification(request.BatchId, undone, skipped.Count, summary, now) { ChangedBy = user.Name },
                CancellationToken.None);
        }

        return new BatchUndoResult(undone.Count, skipped, summary);
    }

    /// <summary>"Undid “Raised the price of 3 products by 5%”: 2 products back as they were, 1 skipped".</summary>
    public static string Summary(string? undone, int reverted, int skipped)
    {
        var what = undone is null ? "Undid a batch change" : $"Undid “{undone}”";
        var back = reverted == 1 ? "1 product back as it was" : $"{reverted:N0} products back as they were";
        return skipped == 0 ? $"{what}: {back}" : $"{what}: {back}, {skipped:N0} skipped";
    }

    /// <summary>Undoes the batch a thousand products at a time, through the entities: any batch (<see cref="UndoAsync"/>).</summary>
    private async Task<(List<Guid> Undone, List<SkippedProduct> Skipped)> UndoProductByProductAsync(
        CatalogDbContext db, Guid batchId, Guid undoBatchId, DateTimeOffset now, string? role, CancellationToken cancellationToken)
    {
        var skipped = new List<SkippedProduct>();
        var undone = new List<Guid>();
        var productIds = await db.ProductHistory.AsNoTracking()
            .Where(e => e.BatchId == batchId)
            .Select(e => e.ProductId)
            .Distinct()
            .ToListAsync(cancellationToken);

        foreach (var chunk in productIds.Chunk(ChunkSize))
        {
            var entries = await db.ProductHistory.AsNoTracking()
                .Where(e => e.BatchId == batchId && EF.Parameter(chunk).Contains(e.ProductId)) // one parameter: see BulkUpdate
                .OrderBy(e => e.Id)
                .ToListAsync(cancellationToken);
            var products = await db.Products.Where(p => EF.Parameter(chunk).Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var batch in entries.GroupBy(e => e.ProductId))
            {
                if (!products.TryGetValue(batch.Key, out var product))
                {
                    continue; // deleted for good since, and its history with it: nothing left to undo
                }

                if (await UndoAsync(db, product, batch.ToList(), now, undoBatchId, role, cancellationToken) is { } reason)
                {
                    skipped.Add(new SkippedProduct(product.Id, product.Name, product.Sku, reason));
                }
                else
                {
                    undone.Add(product.Id);
                }
            }

            try
            {
                await db.SaveChunkAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone saved one of these products between our read and our write: nothing was undone.
                throw new ConcurrencyConflictException("Batch", batchId);
            }
        }

        return (undone, skipped);
    }

    /// <summary>Puts the product back as it was before the batch's entries; null when it did, otherwise why not.</summary>
    private async Task<string?> UndoAsync(
        CatalogDbContext db, Product product, List<ProductHistoryEntry> batch, DateTimeOffset now, Guid undoBatchId, string? role,
        CancellationToken cancellationToken)
    {
        if (product.Version != batch[^1].VersionAfter)
        {
            return ChangedSinceReason;
        }

        var before = product.Fields;
        switch (batch[0].Kind)
        {
            case ProductHistoryKind.Created:
                // The batch made this product: undoing it moves it to the trash, from where it can still come back.
                product.MoveToTrash(user.Name, now);
                ProductHistory.Record(db, product, before, ProductHistoryKind.Trashed, ChangeSource.Undo, user.Name, now, undoBatchId, role);
                return null;
            case ProductHistoryKind.Trashed:
                product.Restore();
                ProductHistory.Record(db, product, before, ProductHistoryKind.Restored, ChangeSource.Undo, user.Name, now, undoBatchId, role);
                return null;
        }

        var fields = Enumerable.Reverse(batch)
            .SelectMany(e => e.Changes)
            .Aggregate(before, (fields, change) => ProductHistory.WithOldValue(fields, change, ProductHistory.FieldOf(change)));
        if (await ReasonNotToRestoreAsync(db, product.Id, before, fields, cancellationToken) is { } reason)
        {
            return reason;
        }

        product.Update(fields, now);
        ProductHistory.Record(db, product, before, ProductHistoryKind.Reverted, ChangeSource.Undo, user.Name, now, undoBatchId, role);
        return null;
    }

    /// <summary>Why the old values cannot come back (a SKU taken since, a category deleted since), or null.</summary>
    private static async Task<string?> ReasonNotToRestoreAsync(
        CatalogDbContext db, Guid productId, ProductFields current, ProductFields restored, CancellationToken cancellationToken)
    {
        var sku = ProductRules.NormalizeSku(restored.Sku);
        if (!string.Equals(sku, current.Sku, StringComparison.OrdinalIgnoreCase)
            && await db.Products.AnyAsync(p => p.Sku == sku && p.Id != productId, cancellationToken))
        {
            return SkuTakenReason;
        }

        if (restored.CategoryId is { } categoryId && categoryId != current.CategoryId
            && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
        {
            return CategoryGoneReason;
        }

        return null;
    }
}
