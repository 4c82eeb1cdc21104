using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Sets the fields an earlier change changed back to their old values, and returns the product's new version. Only
/// <paramref name="Fields"/> when given (names as in the entry's changes), else all of them. If any of those fields has
/// changed since, nothing is written: <see cref="ConcurrencyConflictException"/> lists them with their values now.
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record RevertProductChangeCommand(long EntryId, IReadOnlyCollection<string>? Fields = null) : IRequest<long>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(ProductHistoryEntry), EntryId);
}

internal sealed class RevertProductChangeValidator : IRequestValidator<RevertProductChangeCommand>
{
    public Task ValidateAsync(RevertProductChangeCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (request.Fields is { Count: 0 })
        {
            errors.Add(nameof(request.Fields), "Choose at least one field to revert.");
        }
        else if (request.Fields?.FirstOrDefault(f => !Enum.TryParse<ProductField>(f, ignoreCase: false, out _)) is { } unknown)
        {
            errors.Add(nameof(request.Fields), $"\"{unknown}\" is not a product field.");
        }

        return Task.CompletedTask;
    }
}

internal sealed class RevertProductChangeHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<RevertProductChangeCommand, long>
{
    public async Task<long> Handle(RevertProductChangeCommand request, CancellationToken cancellationToken)
    {
        Product product;
        ProductFields before;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var entry = await db.ProductHistory.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.EntryId, cancellationToken)
                ?? throw new NotFoundException("History entry", request.EntryId);
            if (entry.Kind is not (ProductHistoryKind.Updated or ProductHistoryKind.Reverted) || entry.Changes.Count == 0)
            {
                throw new RequestValidationException(nameof(request.EntryId), "Only a change of a product's fields can be reverted.");
            }

            var reverted = entry.Changes.Where(c => request.Fields is null || request.Fields.Contains(c.Field)).ToList();
            if (request.Fields?.FirstOrDefault(f => entry.Changes.All(c => c.Field != f)) is { } notChanged)
            {
                throw new RequestValidationException(nameof(request.Fields), $"That change did not change {notChanged}.");
            }

            product = await db.Products.SingleOrDefaultAsync(p => p.Id == entry.ProductId, cancellationToken)
                ?? throw new NotFoundException(nameof(Product), entry.ProductId);
            before = product.Fields;

            var changedSince = reverted.Where(c => !ProductHistory.StillHolds(before, c, ProductHistory.FieldOf(c))).ToList();
            if (changedSince.Count > 0)
            {
                throw new ConcurrencyConflictException(nameof(Product), product.Id)
                {
                    ChangedSince = await CurrentValuesAsync(db, before, changedSince, cancellationToken),
                };
            }

            var fields = reverted.Aggregate(before, (fields, change) => ProductHistory.WithOldValue(fields, change, ProductHistory.FieldOf(change)));
            var errors = new ValidationErrors();
            await ProductFieldsValidation.CheckAsync(dbFactory, fields, product.Id, errors, cancellationToken);
            errors.ThrowIfAny();

            // Version is the concurrency token: the save is refused if anyone saved the product after our read.
            var now = clock.GetUtcNow();
            product.Update(fields, now);
            ProductHistory.Record(db, product, before, ProductHistoryKind.Reverted, ChangeSource.Revert, user.Name, now, changedByRole: ProductHistory.RoleOf(user));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(nameof(Product), product.Id);
            }
            catch (DbUpdateException exception) when (ProductFieldsValidation.ToValidationError(exception, product.Fields) is { } refused)
            {
                throw refused;
            }
        }

        await publisher.Publish(
            new ProductUpdatedNotification(product.Id, before, product.Fields, product.UpdatedAt) { ChangedBy = user.Name, Source = ChangeSource.Revert },
            CancellationToken.None);
        return product.Version;
    }

    private static async Task<IReadOnlyList<FieldChangedSince>> CurrentValuesAsync(
        CatalogDbContext db, ProductFields current, IEnumerable<StoredFieldChange> changes, CancellationToken cancellationToken)
    {
        var values = new List<FieldChangedSince>();
        foreach (var change in changes)
        {
            var field = ProductHistory.FieldOf(change);
            var value = field != ProductField.Category ? ProductHistory.Text(field, current)
                : current.CategoryId is { } id ? await db.Categories.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
                : null;
            values.Add(new FieldChangedSince(change.Field, value));
        }

        return values;
    }
}
