using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CatalogAdmin.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActivityBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Batch",
                table: "ActivityLog",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BatchId",
                table: "ActivityLog",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProductCount",
                table: "ActivityLog",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityLog_BatchId",
                table: "ActivityLog",
                column: "BatchId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityLog_BatchId",
                table: "ActivityLog");

            migrationBuilder.DropColumn(
                name: "Batch",
                table: "ActivityLog");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "ActivityLog");

            migrationBuilder.DropColumn(
                name: "ProductCount",
                table: "ActivityLog");
        }
    }
}
