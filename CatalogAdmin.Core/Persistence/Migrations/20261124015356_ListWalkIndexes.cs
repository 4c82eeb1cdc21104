using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CatalogAdmin.Core.Persistence.Migrations
{
    /// <summary>
    /// The list's indexes carry the columns a filtered list tests on each row (Status, Stock, DeletedAt; those a
    /// search beside a filter is counted along also the search key), so walking or counting along one reads index
    /// entries only. Same leading columns, same tie-break: every sort is served as before.
    /// </summary>
    public partial class ListWalkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_PriceCents_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Stock_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_UpdatedAt_Id",
                table: "Products");

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Name_Id_Status_Stock_DeletedAt_SearchKey",
                table: "Products",
                columns: new[] { "CategoryId", "Name", "Id", "Status", "Stock", "DeletedAt", "SearchKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Name_Id_Status_Stock_DeletedAt_SearchKey",
                table: "Products",
                columns: new[] { "Name", "Id", "Status", "Stock", "DeletedAt", "SearchKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_PriceCents_Id_Status_Stock_DeletedAt",
                table: "Products",
                columns: new[] { "PriceCents", "Id", "Status", "Stock", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Name_Id_Stock_DeletedAt_SearchKey",
                table: "Products",
                columns: new[] { "Status", "Name", "Id", "Stock", "DeletedAt", "SearchKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Stock_Id_Status_DeletedAt_SearchKey",
                table: "Products",
                columns: new[] { "Stock", "Id", "Status", "DeletedAt", "SearchKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_UpdatedAt_Id_Status_Stock_DeletedAt",
                table: "Products",
                columns: new[] { "UpdatedAt", "Id", "Status", "Stock", "DeletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_Name_Id_Status_Stock_DeletedAt_SearchKey",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Name_Id_Status_Stock_DeletedAt_SearchKey",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_PriceCents_Id_Status_Stock_DeletedAt",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_Name_Id_Stock_DeletedAt_SearchKey",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Stock_Id_Status_DeletedAt_SearchKey",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_UpdatedAt_Id_Status_Stock_DeletedAt",
                table: "Products");

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Name_Id",
                table: "Products",
                columns: new[] { "CategoryId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Name_Id",
                table: "Products",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_PriceCents_Id",
                table: "Products",
                columns: new[] { "PriceCents", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Name_Id",
                table: "Products",
                columns: new[] { "Status", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Stock_Id",
                table: "Products",
                columns: new[] { "Stock", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_UpdatedAt_Id",
                table: "Products",
                columns: new[] { "UpdatedAt", "Id" });
        }
    }
}
