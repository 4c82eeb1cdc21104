using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>
/// The products a bulk action changes: either the rows ticked on the list (<see cref="Ids"/>), or every product the
/// list's search and filters match (<see cref="Filter"/>), which the server resolves when the action runs through
/// <see cref="ProductSelection.Matching"/>, so it means exactly the products the list showed. A selection of "all
/// matching" is never sent as a million ids.
/// </summary>
public sealed record BulkSelection
{
    /// <summary>The most rows a selection by ids may name (ticked rows, page by page); more is "all matching".</summary>
    public const int MaxIds = 5_000;

    private BulkSelection(IReadOnlyList<Guid>? ids, ProductFilter? filter)
    {
        Ids = ids;
        Filter = filter;
    }

    public IReadOnlyList<Guid>? Ids { get; }

    public ProductFilter? Filter { get; }

    public static BulkSelection OfIds(IEnumerable<Guid> ids) => new([.. ids.Distinct()], null);

    public static BulkSelection AllMatching(ProductFilter filter) => new(null, filter);

    /// <summary>Checks the selection's own values; the errors are keyed "Selection".</summary>
    internal void Check(ValidationErrors errors)
    {
        const string key = "Selection";
        if (Ids is { } ids)
        {
            if (ids.Count == 0)
            {
                errors.Add(key, "Select at least one product.");
            }
            else if (ids.Count > MaxIds)
            {
                errors.Add(key, $"Select at most {MaxIds:N0} products one by one, or select all matching.");
            }

            return;
        }

        if (Filter is not { } filter)
        {
            errors.Add(key, "Select at least one product.");
            return;
        }

        if (filter.Search?.Length > ProductFilter.MaxSearchLength)
        {
            errors.Add(key, $"Search text can be at most {ProductFilter.MaxSearchLength} characters.");
        }

        if (filter.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add(key, $"There is no status {status}.");
        }

        if (filter is { CategoryId: not null, Uncategorized: true })
        {
            errors.Add(key, "Choose one category or products without a category, not both.");
        }
    }

    /// <summary>The selected products' ids, as they are now.</summary>
    internal IQueryable<Guid> IdsIn(CatalogDbContext db) => Ids is { } ids
        ? db.Products.AsNoTracking().Live().Where(p => ids.Contains(p.Id)).Select(p => p.Id)
        : ProductSelection.Matching(db, Filter!).Select(p => p.Id);
}
