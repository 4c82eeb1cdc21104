using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>
/// Adds <paramref name="Change"/> to every selected product's stock (takes it away when negative). Stock never goes
/// below 0: taking 10 from 4 leaves 0, as counting the shelf would.
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record AdjustProductStockCommand(BulkSelection Selection, int Change) : IRequest<BulkResult>, ICommand
{
    public const int MaxChange = 1_000_000;
}

internal sealed class AdjustProductStockValidator : IRequestValidator<AdjustProductStockCommand>
{
    public Task ValidateAsync(AdjustProductStockCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        request.Selection.Check(errors);
        if (request.Change == 0 || Math.Abs((long)request.Change) > AdjustProductStockCommand.MaxChange)
        {
            errors.Add(nameof(request.Change), $"Enter an amount from 1 to {AdjustProductStockCommand.MaxChange:N0}.");
        }

        return Task.CompletedTask;
    }
}

internal sealed class AdjustProductStockHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<AdjustProductStockCommand, BulkResult>
{
    public async Task<BulkResult> Handle(AdjustProductStockCommand request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await BulkUpdate.ApplyAsync(
            db, request.Selection, BulkActionKind.AdjustStock,
            before => (before.Stock + (long)request.Change) switch
            {
                > int.MaxValue => (null, $"The stock would be more than {int.MaxValue:N0}."),
                var stock => (before with { Stock = (int)Math.Max(0, stock) }, null),
            },
            changed => request.Change > 0
                ? $"Added {request.Change:N0} to the stock of {BulkUpdate.Products(changed)}"
                : $"Took {-request.Change:N0} from the stock of {BulkUpdate.Products(changed)}",
            clock, user, publisher, cancellationToken);
    }
}
