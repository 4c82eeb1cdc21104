using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Categories;

/// <summary>Gives a category another name, unique ignoring case. Its products keep it.</summary>
[RequiresPermission(Permission.ManageCategories)]
public sealed record RenameCategoryCommand(Guid Id, string Name) : IRequest, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(Category), Id);
}

internal sealed class RenameCategoryValidator(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestValidator<RenameCategoryCommand>
{
    public Task ValidateAsync(RenameCategoryCommand request, ValidationErrors errors, CancellationToken cancellationToken) =>
        CategoryRules.CheckNameAsync(dbFactory, request.Name, exceptCategoryId: request.Id, errors, cancellationToken);
}

internal sealed class RenameCategoryHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<RenameCategoryCommand>
{
    public async Task Handle(RenameCategoryCommand request, CancellationToken cancellationToken)
    {
        Category category;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            category = await db.Categories.SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
                ?? throw new NotFoundException(nameof(Category), request.Id);
            category.Rename(request.Name);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (CategoryRules.IsDuplicate(exception))
            {
                throw new RequestValidationException(nameof(Category.Name), CategoryRules.DuplicateMessage(category.Name));
            }
        }

        await publisher.Publish(
            new CategoryChangedNotification(CategoryChangeKind.Renamed, category.Id, category.Name, clock.GetUtcNow()) { ChangedBy = user.Name },
            CancellationToken.None);
    }
}
