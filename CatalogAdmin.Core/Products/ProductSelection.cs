using CatalogAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// The products a <see cref="ProductFilter"/> selects, as SQL. The list, the export and bulk actions ("all matching")
/// share it, so each means exactly the products the list showed. The search text is folded
/// (<see cref="ProductSearchText"/>) and matched in the search indexes built on the products' search keys.
/// </summary>
internal static class ProductSelection
{
    /// <summary>Below this many characters (folded) a search matches the start of words; a trigram index needs three.</summary>
    public const int SubstringSearchMinLength = 3;

    private const char LikeEscape = '\\';

    /// <summary>
    /// Every product the filter selects, unsorted, found through the indexes that fit it best: a search through its
    /// index, unless the list is of one category, whose products (a few tens of thousands at most) are read along the
    /// category's index with the search tested on each, which costs less than gathering every match of a broad search.
    /// </summary>
    public static IQueryable<Product> Matching(CatalogDbContext db, ProductFilter filter)
    {
        var postgreSql = db.Database.IsPostgreSql();
        if (filter.SearchText is not { } search || filter.CategoryId is not null)
        {
            return Tested(InScope(db.Products.AsNoTracking().Live(), filter), filter, testSearch: true, postgreSql);
        }

        return Tested(InScope(Searched(db, search), filter), filter, testSearch: false, postgreSql);
    }

    /// <summary>
    /// The products of the filter's category (or without one, or all), which the category's own indexes serve in every
    /// sort order: a walk reads these in order and tests each row for the rest of the filter.
    /// </summary>
    public static IQueryable<Product> InScope(IQueryable<Product> products, ProductFilter filter)
    {
        if (filter.CategoryId is { } categoryId)
        {
            return products.Where(p => p.CategoryId == categoryId);
        }

        return filter.Uncategorized ? products.Where(p => p.CategoryId == null) : products;
    }

    /// <summary>The filter's conditions besides the category, tested on each row; the search too when asked.</summary>
    /// <param name="postgreSql">Whether the query runs on PostgreSQL, whose LIKE minds case (SQLite's ignores ASCII case).</param>
    public static IQueryable<Product> Tested(IQueryable<Product> products, ProductFilter filter, bool testSearch, bool postgreSql)
    {
        if (filter.Status is { } status)
        {
            products = products.Where(p => p.Status == status);
        }

        if (filter.LowStock)
        {
            products = products.Where(p => p.Stock < ProductRules.LowStockThreshold);
        }

        if (testSearch && filter.SearchText is { } search)
        {
            var folded = ProductSearchText.Fold(search);
            if (folded.Length >= SubstringSearchMinLength)
            {
                // LIKE on the key the trigram index is built on: both agree on every match.
                var pattern = $"%{EscapeLike(folded)}%";
                products = products.Where(p => EF.Functions.Like(p.SearchKey, pattern, LikeEscape.ToString()));
            }
            else if (folded.All(ProductSearchText.IsWordCharacter))
            {
                // The app's own rule, as a function every connection has (catalog_has_word).
                products = products.Where(p => ProductSearchText.HasWordStartingWith(p.SearchKey, folded));
            }
            else
            {
                products = products.Where(StartsWith(search, postgreSql));
            }
        }

        return products;
    }

    /// <summary>The list's order for a sort field; ties broken by Id, so paging and export agree on every row's place.</summary>
    /// <param name="postgreSql">
    /// On PostgreSQL names and SKUs are sorted by lower() of their "C"-collated text, which is SQLite's NOCASE order
    /// (ASCII case ignored, otherwise code points), served by expression indexes (PostgreSqlCatalogSql).
    /// </param>
    public static IQueryable<Product> Ordered(IQueryable<Product> products, ProductSortField sortBy, bool descending, bool postgreSql) =>
        postgreSql ? OrderedIgnoringCase(products, sortBy, descending) : Ordered(products, sortBy, descending);

    private static IQueryable<Product> OrderedIgnoringCase(IQueryable<Product> products, ProductSortField sortBy, bool descending) => sortBy switch
    {
        ProductSortField.Sku => descending
            ? products.OrderByDescending(p => p.Sku.ToLower()).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Sku.ToLower()).ThenBy(p => p.Id),
        ProductSortField.Name => descending
            ? products.OrderByDescending(p => p.Name.ToLower()).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Name.ToLower()).ThenBy(p => p.Id),
        ProductSortField.Status => descending
            ? products.OrderByDescending(p => p.Status).ThenByDescending(p => p.Name.ToLower()).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Status).ThenBy(p => p.Name.ToLower()).ThenBy(p => p.Id),
        _ => Ordered(products, sortBy, descending),
    };

    private static IQueryable<Product> Ordered(IQueryable<Product> products, ProductSortField sortBy, bool descending) => sortBy switch
    {
        ProductSortField.Sku => descending
            ? products.OrderByDescending(p => p.Sku).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Sku).ThenBy(p => p.Id),
        ProductSortField.Price => descending
            ? products.OrderByDescending(p => p.Price).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Price).ThenBy(p => p.Id),
        ProductSortField.Stock => descending
            ? products.OrderByDescending(p => p.Stock).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Stock).ThenBy(p => p.Id),
        ProductSortField.UpdatedAt => descending
            ? products.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
        ProductSortField.Status => descending
            ? products.OrderByDescending(p => p.Status).ThenByDescending(p => p.Name).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Status).ThenBy(p => p.Name).ThenBy(p => p.Id),
        _ => descending
            ? products.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };

    /// <summary>
    /// Whether a walk along the sort order's index tests only what that index carries, so it reads no table rows
    /// (SQLite's catalog-wide sort indexes carry <see cref="Persistence.ProductConfiguration.WalkColumns"/>, the
    /// name's also the search key). A list of one category (or of none) walks the category's indexes, of which only
    /// the name's does.
    /// </summary>
    public static bool WalkReadsOnlyTheIndex(ProductFilter filter, ProductSortField sortBy, bool postgreSql)
    {
        if (postgreSql)
        {
            return false;
        }

        if (filter.SearchText is { } search)
        {
            // The search is tested on the key, which the name's indexes carry; short non-word text tests name and SKU.
            return sortBy == ProductSortField.Name && IndexSearch(search) is not null;
        }

        var categoryScope = filter.CategoryId is not null || filter.Uncategorized;
        return categoryScope ? sortBy == ProductSortField.Name : sortBy is not ProductSortField.Sku;
    }

    /// <summary>
    /// Every live product a search matches, read once from its index, when there are at most <paramref name="limit"/>;
    /// null when there are more, or when no index answers the search (PostgreSQL, short text that is not letters or
    /// digits). The row ids come as one JSON array, which <see cref="AmongSearchMatches"/> passes back as one parameter.
    /// </summary>
    public static async Task<SearchIndexMatches?> SearchMatchesAsync(CatalogDbContext db, ProductFilter filter, int limit, CancellationToken cancellationToken)
    {
        if (filter.SearchText is not { } search || db.Database.IsPostgreSql())
        {
            return null;
        }

        var matches = IndexSearch(search) switch
        {
            (SearchIndex.Trigram, var query) => await db.Database
                .SqlQuery<SearchIndexMatches>($"SELECT COUNT(*) AS Count, json_group_array(rowid) AS RowIds FROM (SELECT rowid FROM ProductSearch WHERE ProductSearch MATCH {query} LIMIT {limit + 1})")
                .SingleAsync(cancellationToken),
            (SearchIndex.Words, var query) => await db.Database
                .SqlQuery<SearchIndexMatches>($"SELECT COUNT(*) AS Count, json_group_array(rowid) AS RowIds FROM (SELECT rowid FROM ProductWords WHERE ProductWords MATCH {query} LIMIT {limit + 1})")
                .SingleAsync(cancellationToken),
            _ => null,
        };
        return matches?.Count <= limit ? matches : null;
    }

    /// <summary>The products with these row ids (a search's matches) that the rest of the filter selects.</summary>
    public static IQueryable<Product> AmongSearchMatches(CatalogDbContext db, SearchIndexMatches matches, ProductFilter filter)
    {
        // json_each yields the ids from the one parameter; CROSS JOIN keeps it first, so each is one look-up by rowid.
        var products = db.Products.FromSql($"SELECT p.* FROM json_each({matches.RowIds}) AS ids CROSS JOIN Products AS p ON p.rowid = ids.value")
            .AsNoTracking()
            .Live();
        return Tested(InScope(products, filter), filter, testSearch: false, postgreSql: false);
    }

    /// <summary>Whether the filter asks anything a row must be tested for beyond its category.</summary>
    public static bool HasRowTests(ProductFilter filter) => filter.SearchText is not null || filter.Status is not null || filter.LowStock;

    /// <summary>Matches a search index counts on its own are counted exactly up to this many.</summary>
    public const int IndexCountLimit = 10_000;

    /// <summary>Matches counted by reading their rows (a search with filters, or filters alone) are counted exactly up to this many.</summary>
    public const int RowCountLimit = 1_000;

    /// <summary>
    /// The number of matches, at least through item <paramref name="throughItem"/> (so the page after it can be told to
    /// exist). Counts the database keeps (all products, one category, none) are exact. A search alone is counted in its
    /// index, where every entry is a product, exactly up to <see cref="IndexCountLimit"/>; anything else by reading
    /// rows, up to <see cref="RowCountLimit"/>. Past the limit the count is a lower bound ("1,000+").
    /// </summary>
    public static async Task<(int Count, bool IsLowerBound)> CountAsync(CatalogDbContext db, ProductFilter filter, int throughItem, CancellationToken cancellationToken)
    {
        if (!HasRowTests(filter))
        {
            return (await ScopeSizeAsync(db, filter, cancellationToken), false);
        }

        // PostgreSQL has no separate index to count in; a search alone is counted through its rows as far as SQLite's index count goes.
        var index = filter.HasNoFiltersBesideSearch ? IndexSearch(filter.SearchText!) : null;
        if (index is not null && db.Database.IsPostgreSql())
        {
            var searchLimit = Math.Max(IndexCountLimit, throughItem + 1);
            var found = await Matching(db, filter).Take(searchLimit + 1).CountAsync(cancellationToken);
            return found > searchLimit ? (searchLimit, true) : (found, false);
        }

        if (index is null)
        {
            return await CountRowsAsync(Counted(db, filter), throughItem, cancellationToken);
        }

        var limit = Math.Max(IndexCountLimit, throughItem + 1);
        var counted = index switch
        {
            (SearchIndex.Trigram, var query) => await db.Database
                .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM (SELECT rowid FROM ProductSearch WHERE ProductSearch MATCH {query} LIMIT {limit + 1})")
                .SingleAsync(cancellationToken),
            (SearchIndex.Words, var query) => await db.Database
                .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM (SELECT rowid FROM ProductWords WHERE ProductWords MATCH {query} LIMIT {limit + 1})")
                .SingleAsync(cancellationToken),
            _ => throw new InvalidOperationException("Only a search index is counted here."),
        };

        return counted > limit ? (limit, true) : (counted, false);
    }

    /// <summary>
    /// The number of these products, read row by row, exactly up to <see cref="RowCountLimit"/> (or through item
    /// <paramref name="throughItem"/>, if further), past which it is a lower bound.
    /// </summary>
    public static async Task<(int Count, bool IsLowerBound)> CountRowsAsync(IQueryable<Product> products, int throughItem, CancellationToken cancellationToken)
    {
        var limit = Math.Max(RowCountLimit, throughItem + 1);
        var counted = await products.Take(limit + 1).CountAsync(cancellationToken);
        return counted > limit ? (limit, true) : (counted, false);
    }

    /// <summary>
    /// What a count of the filter's matches reads. A broad search (a rare one never gets here: the list reads its few
    /// matches from the index) beside filters is counted along the filters' own index range, whose entries carry the
    /// search key, testing each: through the search index instead, every match is a table look-up, and a rare filter
    /// needs many of them (at 1M products, 'ireless' + low stock: ~20,000 look-ups, 20 ms).
    /// </summary>
    private static IQueryable<Product> Counted(CatalogDbContext db, ProductFilter filter) =>
        filter.SearchText is not null && !db.Database.IsPostgreSql()
            ? Tested(InScope(db.Products.AsNoTracking().Live(), filter), filter, testSearch: true, postgreSql: false)
            : Matching(db, filter);

    /// <summary>How many products the filter's category scope holds (all, one category, none), from the counts the triggers keep.</summary>
    public static async Task<int> ScopeSizeAsync(CatalogDbContext db, ProductFilter filter, CancellationToken cancellationToken)
    {
        if (filter.CategoryId is { } categoryId)
        {
            return await db.Categories.Where(c => c.Id == categoryId).Select(c => c.ProductCount).FirstOrDefaultAsync(cancellationToken);
        }

        var all = db.Database.IsPostgreSql()
            ? await db.Database.SqlQuery<int>($"SELECT \"Value\" FROM \"ProductCount\" WHERE \"Id\" = 1").SingleAsync(cancellationToken)
            : await db.Database.SqlQuery<int>($"SELECT Value FROM ProductCount WHERE Id = 1").SingleAsync(cancellationToken);
        return filter.Uncategorized ? all - await db.Categories.SumAsync(c => c.ProductCount, cancellationToken) : all;
    }

    /// <summary>Makes %, _ and the escape character itself match literally in a LIKE pattern.</summary>
    public static string EscapeLike(string text) => text
        .Replace(LikeEscape.ToString(), $"{LikeEscape}{LikeEscape}", StringComparison.Ordinal)
        .Replace("%", $"{LikeEscape}%", StringComparison.Ordinal)
        .Replace("_", $"{LikeEscape}_", StringComparison.Ordinal);

    /// <summary>
    /// The search, folded. Three characters or more: any part of the name or SKU, through the trigram index, quoted
    /// as one phrase so FTS syntax (AND, NEAR(, *, ") is matched literally. One or two letters or digits: words that
    /// start with them, through the word index's prefix entries. Other short text (e.g. "%"): names or SKUs that start
    /// with it, through their NOCASE indexes. Text with control characters matches nothing: names and SKUs have none.
    /// </summary>
    private static IQueryable<Product> Searched(CatalogDbContext db, string search)
    {
        if (ProductSearchText.Fold(search).Any(char.IsControl))
        {
            return db.Products.AsNoTracking().Where(p => false);
        }

        if (db.Database.IsPostgreSql())
        {
            // The same tests as a walk's, on live products: LIKE on the folded key uses the trigram GIN index.
            return Tested(db.Products.AsNoTracking().Live(), new ProductFilter(search), testSearch: true, postgreSql: true);
        }

        return IndexSearch(search) switch
        {
            // A join led by the index (CROSS JOIN fixes that order in SQLite), not "rowid IN (...)": the index's matches
            // stream, so a count that stops at its limit stops reading them; IN gathered every match first (at 1M
            // products, 'graphite' + a status: 102 → 2 ms for the count, docs/performance.md).
            (SearchIndex.Trigram, var query) =>
                db.Products.FromSql($"SELECT p.* FROM ProductSearch CROSS JOIN Products AS p ON p.rowid = ProductSearch.rowid WHERE ProductSearch MATCH {query}").AsNoTracking().Live(),
            (SearchIndex.Words, var query) =>
                db.Products.FromSql($"SELECT p.* FROM ProductWords CROSS JOIN Products AS p ON p.rowid = ProductWords.rowid WHERE ProductWords MATCH {query}").AsNoTracking().Live(),
            _ => db.Products.AsNoTracking().Live().Where(StartsWith(search, postgreSql: false)),
        };
    }

    private enum SearchIndex
    {
        /// <summary>ProductSearch: trigrams of the search key, for any part of three characters or more.</summary>
        Trigram,

        /// <summary>ProductWords: the key's words, with prefix entries for one and two characters.</summary>
        Words,
    }

    /// <summary>The search index and FTS5 query that answer this search, or null when no index can (short non-word text).</summary>
    private static (SearchIndex Index, string Query)? IndexSearch(string search)
    {
        var folded = ProductSearchText.Fold(search);
        if (folded.Any(char.IsControl))
        {
            return null;
        }

        var phrase = $"\"{folded.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        if (folded.Length >= SubstringSearchMinLength)
        {
            return (SearchIndex.Trigram, phrase);
        }

        return folded.All(ProductSearchText.IsWordCharacter) ? (SearchIndex.Words, $"{phrase}*") : null;
    }

    /// <summary>Names or SKUs that start with the text, ignoring ASCII case (SQLite's LIKE; ILIKE in PostgreSQL's "C" collation).</summary>
    private static System.Linq.Expressions.Expression<Func<Product, bool>> StartsWith(string search, bool postgreSql)
    {
        var prefix = $"{EscapeLike(search)}%";
        return postgreSql
            ? p => EF.Functions.ILike(p.Name, prefix, LikeEscape.ToString()) || EF.Functions.ILike(p.Sku, prefix, LikeEscape.ToString())
            : p => EF.Functions.Like(p.Name, prefix, LikeEscape.ToString()) || EF.Functions.Like(p.Sku, prefix, LikeEscape.ToString());
    }
}

/// <summary>A search's matches as its index lists them: how many, and their row ids as a JSON array.</summary>
internal sealed class SearchIndexMatches
{
    public int Count { get; init; }

    public string RowIds { get; init; } = "[]";
}
