using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>Moves every selected product into one category, or out of any (<paramref name="CategoryId"/> null).</summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record SetProductCategoryCommand(BulkSelection Selection, Guid? CategoryId) : IRequest<BulkResult>, ICommand;

internal sealed class SetProductCategoryValidator(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestValidator<SetProductCategoryCommand>
{
    public async Task ValidateAsync(SetProductCategoryCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        request.Selection.Check(errors);
        if (request.CategoryId is { } categoryId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            {
                errors.Add(nameof(request.CategoryId), ProductFieldsValidation.MissingCategoryMessage);
            }
        }
    }
}

internal sealed class SetProductCategoryHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<SetProductCategoryCommand, BulkResult>
{
    public async Task<BulkResult> Handle(SetProductCategoryCommand request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        string? categoryName = null;
        return await BulkUpdate.ApplyAsync(
            db, request.Selection, BulkActionKind.SetCategory,
            before => (before with { CategoryId = request.CategoryId }, null),
            changed => categoryName is null
                ? $"Took {BulkUpdate.Products(changed)} out of their category"
                : $"Moved {BulkUpdate.Products(changed)} to {categoryName}",
            clock, user, publisher, cancellationToken,
            checkInTransaction: async (db, cancellationToken) =>
            {
                // Inside the write lock: a category deleted since validation is refused, not half applied.
                if (request.CategoryId is { } categoryId)
                {
                    categoryName = await db.Categories.Where(c => c.Id == categoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
                        ?? throw new RequestValidationException(nameof(request.CategoryId), ProductFieldsValidation.MissingCategoryMessage);
                }
            });
    }
}
