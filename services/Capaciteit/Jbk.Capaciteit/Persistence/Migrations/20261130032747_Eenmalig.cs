using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Capaciteit.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Eenmalig : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_certificaten_GiCode_Soort_Van",
                table: "certificaten",
                columns: new[] { "GiCode", "Soort", "Van" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_certificaten_GiCode_Soort_Van",
                table: "certificaten");
        }
    }
}
