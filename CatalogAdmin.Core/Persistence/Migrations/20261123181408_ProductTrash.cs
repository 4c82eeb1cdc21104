using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CatalogAdmin.Core.Persistence.Migrations
{
    /// <summary>
    /// The trash: a product moved there keeps its row (and SKU) with DeletedAt and DeletedBy set, and leaves the list,
    /// search and counts. The triggers that keep the search indexes (ProductSearch, ProductWords), the product count
    /// and the categories' counts now follow live products only (DeletedAt IS NULL): moving to or from the trash is an
    /// UPDATE of DeletedAt that takes the product out of them or puts it back; deleting a trashed row (a purge) changes
    /// nothing there. A partial index (DeletedAt, Id) holds the trash alone, newest first for its page. No product is
    /// in the trash yet, so the indexes and counts are already right.
    /// </summary>
    public partial class ProductTrash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Products",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Products",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_DeletedAt_Id",
                table: "Products",
                columns: new[] { "DeletedAt", "Id" },
                filter: "DeletedAt IS NOT NULL");

            migrationBuilder.Sql(DropTriggers + """
                CREATE TRIGGER ProductSearch_AfterInsert AFTER INSERT ON Products WHEN new.DeletedAt IS NULL BEGIN
                    INSERT INTO ProductSearch(rowid, SearchKey) VALUES (new.rowid, new.SearchKey);
                    INSERT INTO ProductWords(rowid, SearchKey) VALUES (new.rowid, new.SearchKey);
                END;
                CREATE TRIGGER ProductSearch_AfterDelete AFTER DELETE ON Products WHEN old.DeletedAt IS NULL BEGIN
                    INSERT INTO ProductSearch(ProductSearch, rowid, SearchKey) VALUES ('delete', old.rowid, old.SearchKey);
                    INSERT INTO ProductWords(ProductWords, rowid, SearchKey) VALUES ('delete', old.rowid, old.SearchKey);
                END;
                CREATE TRIGGER ProductSearch_AfterUpdate AFTER UPDATE OF SearchKey, DeletedAt ON Products BEGIN
                    INSERT INTO ProductSearch(ProductSearch, rowid, SearchKey) SELECT 'delete', old.rowid, old.SearchKey WHERE old.DeletedAt IS NULL;
                    INSERT INTO ProductWords(ProductWords, rowid, SearchKey) SELECT 'delete', old.rowid, old.SearchKey WHERE old.DeletedAt IS NULL;
                    INSERT INTO ProductSearch(rowid, SearchKey) SELECT new.rowid, new.SearchKey WHERE new.DeletedAt IS NULL;
                    INSERT INTO ProductWords(rowid, SearchKey) SELECT new.rowid, new.SearchKey WHERE new.DeletedAt IS NULL;
                END;

                CREATE TRIGGER ProductCount_AfterInsert AFTER INSERT ON Products WHEN new.DeletedAt IS NULL BEGIN
                    UPDATE ProductCount SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER ProductCount_AfterDelete AFTER DELETE ON Products WHEN old.DeletedAt IS NULL BEGIN
                    UPDATE ProductCount SET Value = Value - 1 WHERE Id = 1;
                END;
                CREATE TRIGGER ProductCount_AfterUpdate AFTER UPDATE OF DeletedAt ON Products
                    WHEN (old.DeletedAt IS NULL) <> (new.DeletedAt IS NULL) BEGIN
                    UPDATE ProductCount SET Value = Value + CASE WHEN new.DeletedAt IS NULL THEN 1 ELSE -1 END WHERE Id = 1;
                END;

                CREATE TRIGGER CategoryCount_AfterInsert AFTER INSERT ON Products
                    WHEN new.CategoryId IS NOT NULL AND new.DeletedAt IS NULL BEGIN
                    UPDATE Categories SET ProductCount = ProductCount + 1 WHERE Id = new.CategoryId;
                END;
                CREATE TRIGGER CategoryCount_AfterDelete AFTER DELETE ON Products
                    WHEN old.CategoryId IS NOT NULL AND old.DeletedAt IS NULL BEGIN
                    UPDATE Categories SET ProductCount = ProductCount - 1 WHERE Id = old.CategoryId;
                END;
                CREATE TRIGGER CategoryCount_AfterUpdate AFTER UPDATE OF CategoryId, DeletedAt ON Products
                    WHEN old.CategoryId IS NOT new.CategoryId OR (old.DeletedAt IS NULL) <> (new.DeletedAt IS NULL) BEGIN
                    UPDATE Categories SET ProductCount = ProductCount - 1 WHERE Id = old.CategoryId AND old.DeletedAt IS NULL;
                    UPDATE Categories SET ProductCount = ProductCount + 1 WHERE Id = new.CategoryId AND new.DeletedAt IS NULL;
                END;
                """);
        }

        private const string DropTriggers = """
            DROP TRIGGER ProductSearch_AfterInsert;
            DROP TRIGGER ProductSearch_AfterDelete;
            DROP TRIGGER ProductSearch_AfterUpdate;
            DROP TRIGGER ProductCount_AfterInsert;
            DROP TRIGGER ProductCount_AfterDelete;
            DROP TRIGGER CategoryCount_AfterInsert;
            DROP TRIGGER CategoryCount_AfterDelete;
            DROP TRIGGER CategoryCount_AfterUpdate;

            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // What is in the trash comes back (the new triggers put it into the indexes and counts), then the triggers
            // of before, which count every row.
            migrationBuilder.Sql("UPDATE Products SET DeletedAt = NULL, DeletedBy = NULL WHERE DeletedAt IS NOT NULL;");
            migrationBuilder.Sql(DropTriggers + "DROP TRIGGER ProductCount_AfterUpdate;" + """
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
                CREATE TRIGGER ProductCount_AfterInsert AFTER INSERT ON Products BEGIN
                    UPDATE ProductCount SET Value = Value + 1 WHERE Id = 1;
                END;
                CREATE TRIGGER ProductCount_AfterDelete AFTER DELETE ON Products BEGIN
                    UPDATE ProductCount SET Value = Value - 1 WHERE Id = 1;
                END;
                CREATE TRIGGER CategoryCount_AfterInsert AFTER INSERT ON Products WHEN new.CategoryId IS NOT NULL BEGIN
                    UPDATE Categories SET ProductCount = ProductCount + 1 WHERE Id = new.CategoryId;
                END;
                CREATE TRIGGER CategoryCount_AfterDelete AFTER DELETE ON Products WHEN old.CategoryId IS NOT NULL BEGIN
                    UPDATE Categories SET ProductCount = ProductCount - 1 WHERE Id = old.CategoryId;
                END;
                CREATE TRIGGER CategoryCount_AfterUpdate AFTER UPDATE OF CategoryId ON Products WHEN old.CategoryId IS NOT new.CategoryId BEGIN
                    UPDATE Categories SET ProductCount = ProductCount - 1 WHERE Id = old.CategoryId;
                    UPDATE Categories SET ProductCount = ProductCount + 1 WHERE Id = new.CategoryId;
                END;
                """);

            migrationBuilder.DropIndex(
                name: "IX_Products_DeletedAt_Id",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "Products");
        }
    }
}
