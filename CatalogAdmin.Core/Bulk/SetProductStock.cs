using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>Sets every selected product's stock to one number.</summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record SetProductStockCommand(BulkSelection Selection, int Stock) : IRequest<BulkResult>, ICommand;

internal sealed class SetProductStockValidator : IRequestValidator<SetProductStockCommand>
{
    public Task ValidateAsync(SetProductStockCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        request.Selection.Check(errors);
        if (ProductRules.StockError(request.Stock) is { } message)
        {
            errors.Add(nameof(request.Stock), message);
        }

        return Task.CompletedTask;
    }
}

internal sealed class SetProductStockHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<SetProductStockCommand, BulkResult>
{
    public async Task<BulkResult> Handle(SetProductStockCommand request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await BulkUpdate.ApplyAsync(
            db, request.Selection, BulkActionKind.SetStock,
            before => (before with { Stock = request.Stock }, null),
            changed => $"Set the stock of {BulkUpdate.Products(changed)} to {request.Stock:N0}",
            clock, user, publisher, cancellationToken);
    }
}
