using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>
/// Moves every selected product to the trash, each with a history entry carrying the action's id, so one undo brings
/// them all back (and each can still be restored from the trash on its own).
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record MoveProductsToTrashCommand(BulkSelection Selection) : IRequest<BulkResult>, ICommand;

internal sealed class MoveProductsToTrashValidator : IRequestValidator<MoveProductsToTrashCommand>
{
    public Task ValidateAsync(MoveProductsToTrashCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        request.Selection.Check(errors);
        return Task.CompletedTask;
    }
}

internal sealed class MoveProductsToTrashHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<MoveProductsToTrashCommand, BulkResult>
{
    public async Task<BulkResult> Handle(MoveProductsToTrashCommand request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var role = ProductHistory.RoleOf(user);
        return await BulkUpdate.RunAsync(
            db, request.Selection, BulkActionKind.MoveToTrash,
            (product, batchId, now) =>
            {
                var before = product.Fields;
                product.MoveToTrash(user.Name, now);
                ProductHistory.Record(db, product, before, ProductHistoryKind.Trashed, ChangeSource.Bulk, user.Name, now, batchId, role);
                return (BulkUpdate.Outcome.Changed, null);
            },
            changed => $"Moved {BulkUpdate.Products(changed)} to the trash",
            clock, user, publisher, cancellationToken);
    }
}
