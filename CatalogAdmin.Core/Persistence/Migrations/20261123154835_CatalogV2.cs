using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CatalogAdmin.Core.Persistence.Migrations
{
    /// <summary>
    /// Product status and categories. Existing products become Active. A category keeps its product count in
    /// Categories.ProductCount, maintained by triggers on Products (as ProductCount is for all products).
    /// </summary>
    public partial class CatalogV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Products",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // existing products are on sale: Active

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false, collation: "NOCASE"),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProductCount = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                });

            // The column and its foreign key in one ALTER TABLE. EF Core's AddForeignKey would rebuild Products on
            // SQLite, which drops the search and count triggers and renumbers the rowids the search index refers to.
            migrationBuilder.Sql("ALTER TABLE Products ADD COLUMN CategoryId TEXT NULL REFERENCES Categories (Id) ON DELETE SET NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Name_Id",
                table: "Products",
                columns: new[] { "CategoryId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_PriceCents_Id",
                table: "Products",
                columns: new[] { "CategoryId", "PriceCents", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Sku_Id",
                table: "Products",
                columns: new[] { "CategoryId", "Sku", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Status_Name_Id",
                table: "Products",
                columns: new[] { "CategoryId", "Status", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Stock_Id",
                table: "Products",
                columns: new[] { "CategoryId", "Stock", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_UpdatedAt_Id",
                table: "Products",
                columns: new[] { "CategoryId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Name_Id",
                table: "Products",
                columns: new[] { "Status", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Name_Id",
                table: "Categories",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_NormalizedName",
                table: "Categories",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.Sql("""
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER CategoryCount_AfterUpdate;
                DROP TRIGGER CategoryCount_AfterDelete;
                DROP TRIGGER CategoryCount_AfterInsert;
                """);

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_PriceCents_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_Sku_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_Status_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_Stock_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_UpdatedAt_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_Name_Id",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "CategoryId",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Products");
        }
    }
}
