namespace CatalogAdmin.Core.Persistence;

/// <summary>The search indexes (ProductSearch, ProductWords): FTS5 tables over Products' search keys, of live products only.</summary>
internal static class ProductSearchIndexes
{
    /// <summary>
    /// Rebuilds both from Products (after a VACUUM renumbered rowids, or a bulk load without triggers). FTS5's rebuild
    /// reads every row of its content table, the trash's too, so those entries are taken out again: the triggers keep
    /// the indexes for live products only, and a 'delete' must always find what it removes.
    /// </summary>
    public const string RebuildSql = """
        INSERT INTO ProductSearch(ProductSearch) VALUES('rebuild');
        INSERT INTO ProductWords(ProductWords) VALUES('rebuild');
        INSERT INTO ProductSearch(ProductSearch, rowid, SearchKey) SELECT 'delete', rowid, SearchKey FROM Products WHERE DeletedAt IS NOT NULL;
        INSERT INTO ProductWords(ProductWords, rowid, SearchKey) SELECT 'delete', rowid, SearchKey FROM Products WHERE DeletedAt IS NOT NULL;
        """;
}
