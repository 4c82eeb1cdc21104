using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Activity;

/// <summary>Writes a row to the activity log for every saved product change.</summary>
internal sealed class RecordProductActivity(IDbContextFactory<CatalogDbContext> dbFactory) : ProductChangeHandler
{
    protected override async Task HandleAsync(IProductChangeNotification change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Activity.Add(ActivityEntry.For(change));
        await db.SaveChangesAsync(cancellationToken);
    }
}
