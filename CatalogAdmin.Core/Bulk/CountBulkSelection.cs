using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>
/// How many products a selection holds now, exactly: what a bulk action's confirmation names. The list's own total
/// may be a lower bound ("1,000+"); this one never is.
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record CountBulkSelectionQuery(BulkSelection Selection) : IRequest<int>;

internal sealed class CountBulkSelectionValidator : IRequestValidator<CountBulkSelectionQuery>
{
    public Task ValidateAsync(CountBulkSelectionQuery request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        request.Selection.Check(errors);
        return Task.CompletedTask;
    }
}

internal sealed class CountBulkSelectionHandler(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestHandler<CountBulkSelectionQuery, int>
{
    public async Task<int> Handle(CountBulkSelectionQuery request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await request.Selection.IdsIn(db).CountAsync(cancellationToken);
    }
}
