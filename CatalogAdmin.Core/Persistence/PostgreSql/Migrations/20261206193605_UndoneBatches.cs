using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CatalogAdmin.Core.Persistence.PostgreSql.Migrations
{
    /// <summary>
    /// A batch is undone once: the undo records it in its own transaction. Batches undone before this migration are
    /// known from their undo's activity entry, which carries the undone batch's id.
    /// </summary>
    public partial class UndoneBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UndoneBatches",
                columns: table => new
                {
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    UndoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UndoneAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UndoneBatches", x => x.BatchId);
                });

            migrationBuilder.Sql("""
                INSERT INTO "UndoneBatches" ("BatchId", "UndoneBy", "UndoneAt")
                SELECT "BatchId", MIN("ChangedBy"), MIN("OccurredAt") FROM "ActivityLog"
                WHERE "Batch" = 'Undo' AND "BatchId" IS NOT NULL
                GROUP BY "BatchId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UndoneBatches");
        }
    }
}
