using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Categories;

/// <summary>Every category, by name, with how many products it has.</summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record ListCategoriesQuery : IRequest<IReadOnlyList<CategoryDto>>;

public sealed record CategoryDto(Guid Id, string Name, int ProductCount);

internal sealed class ListCategoriesHandler(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestHandler<ListCategoriesQuery, IReadOnlyList<CategoryDto>>
{
    public async Task<IReadOnlyList<CategoryDto>> Handle(ListCategoriesQuery request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var categories = db.Categories.AsNoTracking();
        // Names ignoring ASCII case: SQLite's NOCASE column; lower() of the "C"-collated column on PostgreSQL.
        return await (db.Database.IsPostgreSql() ? categories.OrderBy(c => c.Name.ToLower()) : categories.OrderBy(c => c.Name)).ThenBy(c => c.Id)
            .Select(c => new CategoryDto(c.Id, c.Name, c.ProductCount))
            .ToListAsync(cancellationToken);
    }
}
