using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Overdracht.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Eenmalig : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_dossier_documenten_OverdrachtId_MaatregelId_Soort_Checksum",
                table: "dossier_documenten",
                columns: new[] { "OverdrachtId", "MaatregelId", "Soort", "Checksum" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossier_documenten_OverdrachtId_MaatregelId_Soort_Checksum",
                table: "dossier_documenten");
        }
    }
}
