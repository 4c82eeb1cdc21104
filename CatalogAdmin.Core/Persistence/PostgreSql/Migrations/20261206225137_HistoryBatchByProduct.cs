using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CatalogAdmin.Core.Persistence.PostgreSql.Migrations
{
    /// <summary>
    /// A batch's history entries indexed product by product, for its undo, which reads them a thousand products at a
    /// time; the index on the batch id alone had each of those reads walk all the batch's entries.
    /// </summary>
    public partial class HistoryBatchByProduct : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProductHistory_BatchId",
                table: "ProductHistory");

            migrationBuilder.CreateIndex(
                name: "IX_ProductHistory_BatchId_ProductId_Id",
                table: "ProductHistory",
                columns: new[] { "BatchId", "ProductId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProductHistory_BatchId_ProductId_Id",
                table: "ProductHistory");

            migrationBuilder.CreateIndex(
                name: "IX_ProductHistory_BatchId",
                table: "ProductHistory",
                column: "BatchId");
        }
    }
}
