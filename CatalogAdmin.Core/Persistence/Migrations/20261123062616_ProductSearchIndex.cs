using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CatalogAdmin.Core.Persistence.Migrations
{
    /// <summary>
    /// Search and counting that stay fast on a million products, kept in sync by triggers:
    /// an FTS5 trigram index over name and SKU (substring search without scanning the table), and a
    /// one-row product count (the unfiltered total without COUNT(*) over the table).
    /// The index uses Products' rowid; a VACUUM may renumber rowids, so after one run
    /// INSERT INTO ProductSearch(ProductSearch) VALUES('rebuild') (the backup does).
    /// </summary>
    public partial class ProductSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
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

                CREATE TABLE ProductCount (Id INTEGER PRIMARY KEY CHECK (Id = 1), Value INTEGER NOT NULL);
                INSERT INTO ProductCount (Id, Value) SELECT 1, COUNT(*) FROM Products;
                CREATE TRIGGER ProductCount_AfterInsert AFTER INSERT ON Products BEGIN
                    UPDATE ProductCount SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER ProductCount_AfterDelete AFTER DELETE ON Products BEGIN
                    UPDATE ProductCount SET Value = Value - 1 WHERE Id = 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER ProductCount_AfterDelete;
                DROP TRIGGER ProductCount_AfterInsert;
                DROP TABLE ProductCount;
                DROP TRIGGER ProductSearch_AfterUpdate;
                DROP TRIGGER ProductSearch_AfterDelete;
                DROP TRIGGER ProductSearch_AfterInsert;
                DROP TABLE ProductSearch;
                """);
        }
    }
}
