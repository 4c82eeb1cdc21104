using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>The fields quick edit changes in the list's cells; the rest of the product (SKU, description) stays.</summary>
public sealed record QuickEditFields(string Name, decimal Price, int Stock, ProductStatus Status, Guid? CategoryId)
{
    public static QuickEditFields Of(ProductFields fields) => new(fields.Name, fields.Price, fields.Stock, fields.Status, fields.CategoryId);

    public ProductFields ApplyTo(ProductFields stored) =>
        stored with { Name = Name, Price = Price, Stock = Stock, Status = Status, CategoryId = CategoryId };

    /// <summary>The product's own rules for these fields, keyed by <see cref="ProductField"/> name (Category is checked against the database).</summary>
    public IReadOnlyDictionary<ProductField, string> Errors()
    {
        var errors = new Dictionary<ProductField, string>();
        Add(ProductField.Name, ProductRules.NameError(Name));
        Add(ProductField.Price, ProductRules.PriceError(Price));
        Add(ProductField.Stock, ProductRules.StockError(Stock));
        Add(ProductField.Status, ProductRules.StatusError(Status));
        return errors;

        void Add(ProductField field, string? message)
        {
            if (message is not null)
            {
                errors[field] = message;
            }
        }
    }
}

/// <summary>One edited row: the product, the version the list showed, and its new values.</summary>
public sealed record QuickEditRow(Guid Id, long Version, QuickEditFields Fields);

/// <summary>
/// Saves the rows edited in the list in one transaction. A row whose product someone saved since the list read it (or
/// deleted) is not written and comes back as a conflict with their values; the other rows save. Invalid values refuse
/// the whole save with messages keyed "{product id}.{field}", which the list shows in the cells.
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record SaveQuickEditsCommand(IReadOnlyList<QuickEditRow> Rows) : IRequest<QuickEditResult>, ICommand
{
    public const int MaxRows = 500;

    public static string ErrorKey(Guid id, ProductField field) => $"{id}.{field}";
}

public sealed record QuickEditResult(Guid BatchId, IReadOnlyList<QuickEditSaved> Saved, IReadOnlyList<QuickEditConflict> Conflicts);

public sealed record QuickEditSaved(Guid Id, long Version, DateTimeOffset UpdatedAt);

/// <summary>A row someone else saved since: their values and version, or null values when they deleted it.</summary>
public sealed record QuickEditConflict(Guid Id, QuickEditFields? Theirs, string? TheirCategoryName, long Version);

internal sealed class SaveQuickEditsValidator(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestValidator<SaveQuickEditsCommand>
{
    public async Task ValidateAsync(SaveQuickEditsCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (request.Rows.Count is 0 or > SaveQuickEditsCommand.MaxRows)
        {
            errors.Add(nameof(request.Rows), $"Save 1 to {SaveQuickEditsCommand.MaxRows} rows at a time.");
            return;
        }

        if (request.Rows.Select(r => r.Id).Distinct().Count() != request.Rows.Count)
        {
            errors.Add(nameof(request.Rows), "A product appears twice in the save.");
        }

        foreach (var row in request.Rows)
        {
            foreach (var (field, message) in row.Fields.Errors())
            {
                errors.Add(SaveQuickEditsCommand.ErrorKey(row.Id, field), message);
            }
        }

        var categoryIds = request.Rows.Select(r => r.Fields.CategoryId).OfType<Guid>().Distinct().ToList();
        if (categoryIds.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await db.Categories.Where(c => categoryIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            foreach (var row in request.Rows.Where(r => r.Fields.CategoryId is { } id && !existing.Contains(id)))
            {
                errors.Add(SaveQuickEditsCommand.ErrorKey(row.Id, ProductField.Category), ProductFieldsValidation.MissingCategoryMessage);
            }
        }
    }
}

internal sealed class SaveQuickEditsHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<SaveQuickEditsCommand, QuickEditResult>
{
    public async Task<QuickEditResult> Handle(SaveQuickEditsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batchId = Guid.CreateVersion7(now);
        var saved = new List<QuickEditSaved>();
        var conflicts = new List<QuickEditConflict>();
        var changed = 0;

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // The write lock first (BEGIN IMMEDIATE): nobody saves these products between the version check and the write.
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var ids = request.Rows.Select(r => r.Id).ToList();
            var products = await db.Products.Live().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var row in request.Rows)
            {
                if (!products.TryGetValue(row.Id, out var product))
                {
                    conflicts.Add(new QuickEditConflict(row.Id, null, null, 0));
                    continue;
                }

                if (product.Version != row.Version)
                {
                    var categoryName = await db.Categories.Where(c => c.Id == product.CategoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
                    conflicts.Add(new QuickEditConflict(row.Id, QuickEditFields.Of(product.Fields), categoryName, product.Version));
                    continue;
                }

                var before = product.Fields;
                var after = row.Fields.ApplyTo(before);
                if (after.Normalized() != before)
                {
                    product.Update(after, now);
                    ProductHistory.Record(db, product, before, ProductHistoryKind.Updated, ChangeSource.QuickEdit, user.Name, now, batchId, ProductHistory.RoleOf(user));
                    changed++;
                }

                saved.Add(new QuickEditSaved(product.Id, product.Version, product.UpdatedAt));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (SkuUniqueness.IsMissingCategory(exception))
            {
                throw new RequestValidationException(nameof(ProductField.Category), ProductFieldsValidation.MissingCategoryMessage);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (changed > 0)
        {
            await publisher.Publish(
                new ProductsChangedInBulkNotification(batchId, BulkActionKind.QuickEdit, $"Saved changes to {BulkUpdate.Products(changed)}", changed, 0, now)
                {
                    ChangedBy = user.Name,
                },
                CancellationToken.None);
        }

        return new QuickEditResult(batchId, saved, conflicts);
    }
}
