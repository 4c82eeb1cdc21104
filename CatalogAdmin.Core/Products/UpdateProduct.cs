using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Saves new values over a product and returns its new version. <paramref name="Version"/> is the one
/// the caller read with <see cref="GetProductQuery"/>; if the product has changed since, nothing is saved
/// and <see cref="ConcurrencyConflictException"/> is thrown. Values equal to the stored ones change nothing: no write,
/// no notification, the same version back.
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record UpdateProductCommand(Guid Id, ProductFields Fields, long Version) : IRequest<long>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(Product), Id);
}

internal sealed class UpdateProductValidator(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestValidator<UpdateProductCommand>
{
    public async Task ValidateAsync(UpdateProductCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        await ProductFieldsValidation.CheckAsync(dbFactory, request.Fields, request.Id, errors, cancellationToken);
    }
}

internal sealed class UpdateProductHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<UpdateProductCommand, long>
{
    public async Task<long> Handle(UpdateProductCommand request, CancellationToken cancellationToken)
    {
        Product product;
        ProductFields before;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            product = await db.Products.Live().SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
                ?? throw new NotFoundException(nameof(Product), request.Id);

            if (request.Fields.Normalized() == product.Fields)
            {
                // Nothing would change: write nothing, publish nothing, keep the version. Also when the caller's
                // version is old: what it asks for is already what is stored, so there is nothing to conflict with.
                return product.Version;
            }

            if (product.Version != request.Version)
            {
                throw new ConcurrencyConflictException(nameof(Product), request.Id);
            }

            // The UPDATE's WHERE compares against the version the caller read, not the one just loaded,
            // so a change saved by someone else between our read and our write is refused too.
            db.Entry(product).Property(p => p.Version).OriginalValue = request.Version;
            before = product.Fields;
            var now = clock.GetUtcNow();
            product.Update(request.Fields, now);
            ProductHistory.Record(db, product, before, ProductHistoryKind.Updated, ChangeSource.Form, user.Name, now, changedByRole: ProductHistory.RoleOf(user));

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                var stillExists = await db.Products.AsNoTracking().Live().AnyAsync(p => p.Id == request.Id, cancellationToken);
                throw stillExists
                    ? new ConcurrencyConflictException(nameof(Product), request.Id)
                    : new NotFoundException(nameof(Product), request.Id);
            }
            catch (DbUpdateException exception) when (ProductFieldsValidation.ToValidationError(exception, product.Fields) is { } refused)
            {
                throw refused;
            }
        }

        await publisher.Publish(
            new ProductUpdatedNotification(product.Id, before, product.Fields, product.UpdatedAt) { ChangedBy = user.Name },
            CancellationToken.None);
        return product.Version;
    }
}
