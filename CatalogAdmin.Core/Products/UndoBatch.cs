using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Undoes an import or bulk action: every product it changed that nobody has changed since gets its old values back
/// (a product it created goes), in one transaction, with history source <see cref="ChangeSource.Undo"/>. A product
/// changed since is left as it is and listed in <see cref="BatchUndoResult.Skipped"/>.
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record UndoBatchCommand(Guid BatchId) : IRequest<BatchUndoResult>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new("Batch", BatchId);
}

public sealed record BatchUndoResult(int Reverted, IReadOnlyList<SkippedProduct> Skipped);

/// <summary>A product the undo left as it is, and why.</summary>
public sealed record SkippedProduct(Guid Id, string Name, string Sku, string Reason);

/// <summary>Published once per undone batch (not once per product), after the save.</summary>
public sealed record ProductBatchUndoneNotification(Guid BatchId, IReadOnlyList<Guid> ProductIds, DateTimeOffset OccurredAt) : INotification
{
    public string? ChangedBy { get; init; }
}

internal sealed class UndoBatchHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<UndoBatchCommand, BatchUndoResult>
{
    public const string ChangedSinceReason = "It was changed after this batch; it was left as it is.";
    public const string SkuTakenReason = "Its old SKU is now used by another product.";
    public const string CategoryGoneReason = "Its old category has been deleted since.";

    public async Task<BatchUndoResult> Handle(UndoBatchCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var undoBatchId = Guid.CreateVersion7(now);
        var skipped = new List<SkippedProduct>();
        var undone = new List<Guid>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var entries = await db.ProductHistory.AsNoTracking()
                .Where(e => e.BatchId == request.BatchId)
                .OrderBy(e => e.Id)
                .ToListAsync(cancellationToken);
            var productIds = entries.Select(e => e.ProductId).Distinct().ToList();
            var products = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

            foreach (var batch in entries.GroupBy(e => e.ProductId))
            {
                if (!products.TryGetValue(batch.Key, out var product))
                {
                    continue; // deleted for good since, and its history with it: nothing left to undo
                }

                if (product.Version != batch.Last().VersionAfter)
                {
                    skipped.Add(Skip(product, ChangedSinceReason));
                    continue;
                }

                if (batch.First().Kind == ProductHistoryKind.Created)
                {
                    // The batch made this product: undoing it takes it away again (with its history, as a delete does).
                    db.Products.Remove(product);
                    undone.Add(product.Id);
                    continue;
                }

                var before = product.Fields;
                var fields = batch.Reverse()
                    .SelectMany(e => e.Changes)
                    .Aggregate(before, (fields, change) => ProductHistory.WithOldValue(fields, change, ProductHistory.FieldOf(change)));
                if (await ReasonNotToRestoreAsync(db, product.Id, before, fields, cancellationToken) is { } reason)
                {
                    skipped.Add(Skip(product, reason));
                    continue;
                }

                product.Update(fields, now);
                ProductHistory.Record(db, product, before, ProductHistoryKind.Reverted, ChangeSource.Undo, user.Name, now, undoBatchId, ProductHistory.RoleOf(user));
                undone.Add(product.Id);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone saved one of these products between our read and our write: nothing was undone.
                throw new ConcurrencyConflictException("Batch", request.BatchId);
            }
        }

        if (undone.Count > 0)
        {
            await publisher.Publish(new ProductBatchUndoneNotification(request.BatchId, undone, now) { ChangedBy = user.Name }, CancellationToken.None);
        }

        return new BatchUndoResult(undone.Count, skipped);
    }

    private static SkippedProduct Skip(Product product, string reason) => new(product.Id, product.Name, product.Sku, reason);

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
