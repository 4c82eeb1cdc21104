using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CatalogAdmin.Web.Identity.Migrations
{
    /// <inheritdoc />
    public partial class StaffDisplayName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Existing accounts are named after their email's local part until an Admin names them.
            migrationBuilder.Sql("UPDATE AspNetUsers SET DisplayName = substr(Email, 1, instr(Email, '@') - 1) WHERE DisplayName = '' AND instr(Email, '@') > 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "AspNetUsers");
        }
    }
}
