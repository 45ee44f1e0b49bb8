using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Overdracht.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MaatregelIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_overdracht_maatregelen_MaatregelId",
                table: "overdracht_maatregelen",
                column: "MaatregelId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_overdracht_maatregelen_MaatregelId",
                table: "overdracht_maatregelen");
        }
    }
}
