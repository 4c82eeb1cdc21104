using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

public enum ProductSortField
{
    Name,
    Sku,
    Price,
    Stock,
    UpdatedAt,
    Status,
}

/// <summary>
/// One page of products that match <paramref name="Filter"/>. Ties in the sort are broken by Id, so paging is stable.
/// Past a thousand or more matches (<see cref="ProductSelection.CountAsync"/>) the total may be a lower bound
/// (<see cref="PagedResult{T}.TotalIsLowerBound"/>): counting a million matches exactly would cost more than the page.
/// </summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record ListProductsQuery(
    ProductFilter? Filter = null,
    ProductSortField SortBy = ProductSortField.Name,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IRequest<PagedResult<ProductListItem>>
{
    public ProductFilter EffectiveFilter => Filter ?? ProductFilter.All;
}

public sealed record ProductListItem(
    Guid Id,
    string Name,
    string Sku,
    decimal Price,
    int Stock,
    ProductStatus Status,
    Guid? CategoryId,
    string? CategoryName,
    DateTimeOffset UpdatedAt,
    long Version = 1);

internal sealed class ListProductsValidator : IRequestValidator<ListProductsQuery>
{
    public Task ValidateAsync(ListProductsQuery request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        Paging.Check(request.Page, request.PageSize, errors);
        if (!Enum.IsDefined(request.SortBy))
        {
            errors.Add(nameof(request.SortBy), $"Products cannot be sorted by {request.SortBy}.");
        }

        var filter = request.EffectiveFilter;
        if (filter.Search?.Length > ProductFilter.MaxSearchLength)
        {
            errors.Add(nameof(ProductFilter.Search), $"Search text can be at most {ProductFilter.MaxSearchLength} characters.");
        }

        if (filter.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add(nameof(ProductFilter.Status), $"There is no status {status}.");
        }

        if (filter is { CategoryId: not null, Uncategorized: true })
        {
            errors.Add(nameof(ProductFilter.CategoryId), "Choose one category or products without a category, not both.");
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A rare search (at most a few thousand matches, under 1 in <see cref="WalkMinShare"/> products, no category) is
/// answered from its matches alone, read once from the search index. Anything else finds one page in three steps.
/// (1) Count the matches, up to a limit (<see cref="ProductSelection.CountAsync"/>): past it the total is a lower bound
/// ("1,000+"), which keeps broad searches and filters cheap.
/// (2) When matches are plentiful (at least 1 in <see cref="WalkMinShare"/> of the category's or catalog's products),
/// read the sort order's index from the top, a bounded number of rows, testing each row: the page is among the first
/// rows, and nothing is sorted. Where the index carries every column tested, the walk reads no table rows and may go far. (3) Otherwise, or when the matches are bunched further along than the walk reaches,
/// gather every match through the index that fits the filter and sort them: few matches, or the rare bunched case.
/// At 1M products, 'graphite' (125,000 matches) by name went from 155 to 34 ms with the walk (docs/performance.md).
/// </summary>
internal sealed class ListProductsHandler(IDbContextFactory<CatalogDbContext> dbFactory)
    : IRequestHandler<ListProductsQuery, PagedResult<ProductListItem>>
{
    private const int WalkMinShare = 100;

    /// <summary>The walk reads this many times the rows the page should need at the matches' share.</summary>
    private const int WalkSlack = 4;

    private const int WalkMaxRows = 20_000;

    /// <summary>Each match of a rare search is one look-up by row id (~1.2 µs at 1M products) to test and sort it.</summary>
    private const int RareSearchMaxMatches = 5_000;

    /// <summary>A walk that reads only index entries (~0.2 µs each at 1M products) may read this many.</summary>
    private const int IndexOnlyWalkMaxRows = 100_000;

    public async Task<PagedResult<ProductListItem>> Handle(ListProductsQuery request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filter = request.EffectiveFilter;
        var skip = (request.Page - 1) * request.PageSize;
        if (await RareSearchMatchesAsync(db, filter, cancellationToken) is { } searchMatches)
        {
            // A rare search: its few matches, read by row id, tested for the rest of the filter, counted and sorted.
            var matching = ProductSelection.AmongSearchMatches(db, searchMatches, filter);
            var (count, countIsLowerBound) = filter.HasNoFiltersBesideSearch
                ? (searchMatches.Count, false)
                : await ProductSelection.CountRowsAsync(matching, skip + request.PageSize, cancellationToken);
            var page = count == 0 ? [] : await Page(db, matching, request, skip).ToListAsync(cancellationToken);
            return new PagedResult<ProductListItem>(page, count, request.Page, request.PageSize, countIsLowerBound);
        }

        var (total, totalIsLowerBound) = await ProductSelection.CountAsync(db, filter, skip + request.PageSize, cancellationToken);

        var items = total == 0 ? []
            : await WalkAsync(db, request, skip, total, totalIsLowerBound, cancellationToken)
              ?? await Page(db, ProductSelection.Matching(db, filter), request, skip).ToListAsync(cancellationToken);
        return new PagedResult<ProductListItem>(items, total, request.Page, request.PageSize, totalIsLowerBound);
    }

    /// <summary>
    /// The row ids of a search's matches when they are few (at most <see cref="RareSearchMaxMatches"/>) and rare (under 1
    /// in <see cref="WalkMinShare"/> products), else null. Counting and sorting those is cheaper than any walk, and
    /// reading them once from the search index saves evaluating the search again for the count and for the page: at
    /// 1M products the index's part of "maple pro" (3,885 matches) costs ~9 ms each time.
    /// </summary>
    private static async Task<SearchIndexMatches?> RareSearchMatchesAsync(CatalogDbContext db, ProductFilter filter, CancellationToken cancellationToken)
    {
        if (filter.CategoryId is not null)
        {
            return null; // a category's few thousand entries, search key included, are read faster than the search index
        }

        var matches = await ProductSelection.SearchMatchesAsync(db, filter, RareSearchMaxMatches, cancellationToken);
        return matches is not null && (long)matches.Count * WalkMinShare < await ProductSelection.ScopeSizeAsync(db, ProductFilter.All, cancellationToken)
            ? matches
            : null;
    }

    /// <summary>
    /// The page read along the sort order's index (the category's own index when the list is of one category), or null
    /// when the matches are too rare for that or lie further along than the bounded walk reaches.
    /// </summary>
    private static async Task<List<ProductListItem>?> WalkAsync(
        CatalogDbContext db, ListProductsQuery request, int skip, int total, bool totalIsLowerBound, CancellationToken cancellationToken)
    {
        var filter = request.EffectiveFilter;
        if (!ProductSelection.HasRowTests(filter))
        {
            return null; // the category's (or the catalog's) index already is the list: nothing to test
        }

        // Rows to read: a few times what the page needs at the matches' share (a lower bound when the total is one).
        var scope = await ProductSelection.ScopeSizeAsync(db, filter, cancellationToken);
        var rows = (long)WalkSlack * (skip + request.PageSize) * scope / total;
        var postgreSql = db.Database.IsPostgreSql();
        var indexOnly = ProductSelection.WalkReadsOnlyTheIndex(filter, request.SortBy, postgreSql);
        var maxRows = indexOnly ? IndexOnlyWalkMaxRows : WalkMaxRows;
        if (!totalIsLowerBound && (total * (long)WalkMinShare < scope || rows > maxRows))
        {
            return null; // few matches: gathering and sorting them is cheaper than reading past them
        }

        // An index-only walk costs only what it reads, and stops once its page is full: it may read as far as its bound,
        // which finds matches bunched further along ('ireless' by name: the first is ~58,000 entries in).
        if (indexOnly)
        {
            rows = maxRows;
        }

        // First the page's ids: the inner query (scope, order, limit) is planned alone along the sort order's index, and
        // reads only the columns the tests need. Then those rows, whole.
        var firstRows = ProductSelection.Ordered(ProductSelection.InScope(db.Products.AsNoTracking().Live(), filter), request.SortBy, request.Descending, postgreSql)
            .Take((int)Math.Min(rows, maxRows));
        var ids = await ProductSelection.Ordered(ProductSelection.Tested(firstRows, filter, testSearch: true, postgreSql), request.SortBy, request.Descending, postgreSql)
            .Skip(skip)
            .Take(request.PageSize)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count != Math.Clamp(total - skip, 0, request.PageSize))
        {
            return null; // the matches lie further along: not all of the page was among the rows read
        }

        return await ById(db, ids, request).ToListAsync(cancellationToken);
    }

    /// <summary>The page's rows, found by their ids, in the list's order.</summary>
    private static IQueryable<ProductListItem> ById(CatalogDbContext db, List<Guid> ids, ListProductsQuery request) =>
        Page(db, db.Products.AsNoTracking().Live().Where(p => ids.Contains(p.Id)), request, skip: 0);

    private static IQueryable<ProductListItem> Page(CatalogDbContext db, IQueryable<Product> products, ListProductsQuery request, int skip) =>
        ProductSelection.Ordered(products, request.SortBy, request.Descending, db.Database.IsPostgreSql())
            .Skip(skip)
            .Take(request.PageSize)
            .Select(p => new ProductListItem(
                p.Id, p.Name, p.Sku, p.Price, p.Stock, p.Status, p.CategoryId,
                db.Categories.Where(c => c.Id == p.CategoryId).Select(c => c.Name).FirstOrDefault(),
                p.UpdatedAt,
                p.Version));
}
