using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CatalogAdmin.Core.Persistence.Migrations
{
    /// <summary>
    /// Search that ignores accents and finds words by their first letters. Products get a search key (name and SKU
    /// folded by the app: lower case, no accents), filled here for existing products through the app's own fold
    /// (the catalog_search_key function every connection of the app has). The trigram index (ProductSearch, any part
    /// of three characters or more) is rebuilt on the key, and a word index with prefix support (ProductWords) finds
    /// words that start with one or two characters. Both are kept in step by triggers. After a VACUUM, rebuild both
    /// (INSERT INTO ProductSearch(ProductSearch) VALUES('rebuild'), and the same for ProductWords): they refer to rowids.
    /// </summary>
    public partial class ProductSearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "Products",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE Products SET SearchKey = catalog_search_key(Name, Sku);

                DROP TRIGGER ProductSearch_AfterUpdate;
                DROP TRIGGER ProductSearch_AfterDelete;
                DROP TRIGGER ProductSearch_AfterInsert;
                DROP TABLE ProductSearch;

                CREATE VIRTUAL TABLE ProductSearch USING fts5(
                    SearchKey, content='Products', content_rowid='rowid', tokenize='trigram');
                CREATE VIRTUAL TABLE ProductWords USING fts5(
                    SearchKey, content='Products', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0', prefix='1 2');
                INSERT INTO ProductSearch(ProductSearch) VALUES('rebuild');
                INSERT INTO ProductWords(ProductWords) VALUES('rebuild');

                CREATE TRIGGER ProductSearch_AfterInsert AFTER INSERT ON Products BEGIN
                    INSERT INTO ProductSearch(rowid, SearchKey) VALUES (new.rowid, new.SearchKey);
                    INSERT INTO ProductWords(rowid, SearchKey) VALUES (new.rowid, new.SearchKey);
                END;
                CREATE TRIGGER ProductSearch_AfterDelete AFTER DELETE ON Products BEGIN
                    INSERT INTO ProductSearch(ProductSearch, rowid, SearchKey) VALUES ('delete', old.rowid, old.SearchKey);
                    INSERT INTO ProductWords(ProductWords, rowid, SearchKey) VALUES ('delete', old.rowid, old.SearchKey);
                END;
                CREATE TRIGGER ProductSearch_AfterUpdate AFTER UPDATE OF SearchKey ON Products BEGIN
                    INSERT INTO ProductSearch(ProductSearch, rowid, SearchKey) VALUES ('delete', old.rowid, old.SearchKey);
                    INSERT INTO ProductWords(ProductWords, rowid, SearchKey) VALUES ('delete', old.rowid, old.SearchKey);
                    INSERT INTO ProductSearch(rowid, SearchKey) VALUES (new.rowid, new.SearchKey);
                    INSERT INTO ProductWords(rowid, SearchKey) VALUES (new.rowid, new.SearchKey);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER ProductSearch_AfterUpdate;
                DROP TRIGGER ProductSearch_AfterDelete;
                DROP TRIGGER ProductSearch_AfterInsert;
                DROP TABLE ProductWords;
                DROP TABLE ProductSearch;
                CREATE VIRTUAL TABLE ProductSearch USING fts5(
                    Name, Sku, content='Products', content_rowid='rowid', tokenize='trigram');
                INSERT INTO ProductSearch(ProductSearch) VALUES('rebuild');
                CREATE TRIGGER ProductSearch_AfterInsert AFTER INSERT ON Products BEGIN
                    INSERT INTO ProductSearch(rowid, Name, Sku) VALUES (new.rowid, new.Name, new.Sku);
                END;
                CREATE TRIGGER ProductSearch_AfterDelete AFTER DELETE ON Products BEGIN
                    INSERT INTO ProductSearch(ProductSearch, rowid, Name, Sku) VALUES ('delete', old.rowid, old.Name, old.Sku);
                END;
                CREATE TRIGGER ProductSearch_AfterUpdate AFTER UPDATE OF Name, Sku ON Products BEGIN
                    INSERT INTO ProductSearch(ProductSearch, rowid, Name, Sku) VALUES ('delete', old.rowid, old.Name, old.Sku);
                    INSERT INTO ProductSearch(rowid, Name, Sku) VALUES (new.rowid, new.Name, new.Sku);
                END;
                """);

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "Products");
        }
    }
}
