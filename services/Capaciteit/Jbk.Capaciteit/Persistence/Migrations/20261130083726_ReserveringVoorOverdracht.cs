using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Capaciteit.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReserveringVoorOverdracht : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OverdrachtId",
                table: "reserveringen",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Overgedragen",
                table: "reserveringen",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Reservations made for a handover before this column existed carry its id in their key (overdracht:<id>:<type>).
            const string id = "substr(\"IdempotentieSleutel\", 12, 36)";
            const string waar = "\"IdempotentieSleutel\" LIKE 'overdracht:%'";
            migrationBuilder.Sql(migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
                ? $"UPDATE reserveringen SET \"OverdrachtId\" = CAST({id} AS uuid) WHERE {waar}"
                : $"UPDATE reserveringen SET \"OverdrachtId\" = upper({id}) WHERE {waar}");

            migrationBuilder.CreateIndex(
                name: "IX_reserveringen_OverdrachtId",
                table: "reserveringen",
                column: "OverdrachtId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reserveringen_OverdrachtId",
                table: "reserveringen");

            migrationBuilder.DropColumn(
                name: "OverdrachtId",
                table: "reserveringen");

            migrationBuilder.DropColumn(
                name: "Overgedragen",
                table: "reserveringen");
        }
    }
}
