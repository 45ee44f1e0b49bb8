using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Overdracht.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GeeindigdeStanden : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_maatregel_standen_geeindigd",
                table: "maatregel_standen",
                column: "MaatregelId",
                filter: "NOT \"Lopend\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_maatregel_standen_geeindigd",
                table: "maatregel_standen");
        }
    }
}
