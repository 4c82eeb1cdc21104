using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>Puts every selected product in one status.</summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record SetProductStatusCommand(BulkSelection Selection, ProductStatus Status) : IRequest<BulkResult>, ICommand;

internal sealed class SetProductStatusValidator : IRequestValidator<SetProductStatusCommand>
{
    public Task ValidateAsync(SetProductStatusCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        request.Selection.Check(errors);
        if (ProductRules.StatusError(request.Status) is { } message)
        {
            errors.Add(nameof(request.Status), message);
        }

        return Task.CompletedTask;
    }
}

internal sealed class SetProductStatusHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<SetProductStatusCommand, BulkResult>
{
    public async Task<BulkResult> Handle(SetProductStatusCommand request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await BulkUpdate.ApplyAsync(
            db, request.Selection, BulkActionKind.SetStatus,
            before => (before with { Status = request.Status }, null),
            changed => $"Set the status of {BulkUpdate.Products(changed)} to {request.Status}",
            clock, user, publisher, cancellationToken);
    }
}
