using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Categories;

/// <summary>
/// Deletes a category; its products stay, without a category (the foreign key sets theirs to none). True when it
/// deleted; false when the category was already gone.
/// </summary>
[RequiresPermission(Permission.ManageCategories)]
public sealed record DeleteCategoryCommand(Guid Id) : IRequest<bool>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(Category), Id);
}

internal sealed class DeleteCategoryHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<DeleteCategoryCommand, bool>
{
    public async Task<bool> Handle(DeleteCategoryCommand request, CancellationToken cancellationToken)
    {
        CategoryChangedNotification deleted;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var category = await db.Categories.AsNoTracking()
                .Where(c => c.Id == request.Id)
                .Select(c => new { c.Name, c.ProductCount })
                .SingleOrDefaultAsync(cancellationToken);
            if (category is null || await db.Categories.Where(c => c.Id == request.Id).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return false;
            }

            deleted = new CategoryChangedNotification(CategoryChangeKind.Deleted, request.Id, category.Name, clock.GetUtcNow())
            {
                ChangedBy = user.Name,
                ProductsAffected = category.ProductCount,
            };
        }

        await publisher.Publish(deleted, CancellationToken.None);
        return true;
    }
}
