using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>Adds a product and returns its new Id.</summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record CreateProductCommand(ProductFields Fields) : IRequest<Guid>, ICommand;

internal sealed class CreateProductValidator(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestValidator<CreateProductCommand>
{
    public async Task ValidateAsync(CreateProductCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        await ProductFieldsValidation.CheckAsync(dbFactory, request.Fields, productId: null, errors, cancellationToken);
    }
}

internal sealed class CreateProductHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<CreateProductCommand, Guid>
{
    public async Task<Guid> Handle(CreateProductCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var product = new Product(request.Fields, now);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Products.Add(product);
            ProductHistory.Record(db, product, before: null, ProductHistoryKind.Created, ChangeSource.Form, user.Name, now, changedByRole: ProductHistory.RoleOf(user));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (ProductFieldsValidation.ToValidationError(exception, product.Fields) is { } refused)
            {
                throw refused;
            }
        }

        // The product is saved: from here on nothing may report failure to the caller.
        await publisher.Publish(
            new ProductCreatedNotification(product.Id, product.Fields, product.CreatedAt) { ChangedBy = user.Name },
            CancellationToken.None);
        return product.Id;
    }
}
