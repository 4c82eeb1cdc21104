using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>Adds a product and returns its new Id.</summary>
[RequiresRole(Roles.Editor)]
public sealed record CreateProductCommand(string Name, string Sku, string? Description, decimal Price, int Stock) : IRequest<Guid>;

internal sealed class CreateProductValidator(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestValidator<CreateProductCommand>
{
    public async Task ValidateAsync(CreateProductCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        ProductRules.Check(request.Name, request.Sku, request.Description, request.Price, request.Stock, errors);
        await SkuUniqueness.CheckAsync(dbFactory, request.Sku, exceptProductId: null, errors, cancellationToken);
    }
}

internal sealed class CreateProductHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<CreateProductCommand, Guid>
{
    public async Task<Guid> Handle(CreateProductCommand request, CancellationToken cancellationToken)
    {
        var product = new Product(request.Name, request.Sku, request.Description, request.Price, request.Stock, clock.GetUtcNow());

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Products.Add(product);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (SkuUniqueness.IsViolation(exception))
            {
                throw SkuUniqueness.ToValidationError(product.Sku);
            }
        }

        // The product is saved: from here on nothing may report failure to the caller.
        await publisher.Publish(
            new ProductCreatedNotification(product.Id, product.Name, product.Sku, product.CreatedAt) { ChangedBy = user.Name },
            CancellationToken.None);
        return product.Id;
    }
}
