using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Capaciteit.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReserveringStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_reserveringen_Status",
                table: "reserveringen",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reserveringen_Status",
                table: "reserveringen");
        }
    }
}
