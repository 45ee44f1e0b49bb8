using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Capaciteit.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class VasteJeugdbeschermerBij : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VasteJeugdbeschermerBij",
                table: "lopende_maatregelen",
                type: "text",
                nullable: true);

            // A measure that had a vaste jeugdbeschermer had one at the GI that carries it.
            migrationBuilder.Sql("""UPDATE lopende_maatregelen SET "VasteJeugdbeschermerBij" = CASE WHEN "ZonderVasteJeugdbeschermer" THEN NULL ELSE "GiCode" END""");

            migrationBuilder.DropColumn(
                name: "ZonderVasteJeugdbeschermer",
                table: "lopende_maatregelen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VasteJeugdbeschermerBij",
                table: "lopende_maatregelen");

            migrationBuilder.AddColumn<bool>(
                name: "ZonderVasteJeugdbeschermer",
                table: "lopende_maatregelen",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
