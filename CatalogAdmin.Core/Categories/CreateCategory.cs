using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Categories;

/// <summary>Adds a category and returns its id. Names are unique ignoring case.</summary>
[RequiresPermission(Permission.ManageCategories)]
public sealed record CreateCategoryCommand(string Name) : IRequest<Guid>, ICommand;

internal sealed class CreateCategoryValidator(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestValidator<CreateCategoryCommand>
{
    public Task ValidateAsync(CreateCategoryCommand request, ValidationErrors errors, CancellationToken cancellationToken) =>
        CategoryRules.CheckNameAsync(dbFactory, request.Name, exceptCategoryId: null, errors, cancellationToken);
}

internal sealed class CreateCategoryHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<CreateCategoryCommand, Guid>
{
    public async Task<Guid> Handle(CreateCategoryCommand request, CancellationToken cancellationToken)
    {
        var category = new Category(request.Name, clock.GetUtcNow());
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Categories.Add(category);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (CategoryRules.IsDuplicate(exception))
            {
                // Another create of the same name won the race after our check.
                throw new RequestValidationException(nameof(Category.Name), CategoryRules.DuplicateMessage(category.Name));
            }
        }

        await publisher.Publish(
            new CategoryChangedNotification(CategoryChangeKind.Created, category.Id, category.Name, category.CreatedAt) { ChangedBy = user.Name },
            CancellationToken.None);
        return category.Id;
    }
}
