using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Capaciteit.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContractEenmalig : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A contract registered twice before this index existed stands once: the first registration is kept.
            migrationBuilder.Sql("""DELETE FROM regiocontracten WHERE "Id" NOT IN (SELECT MIN("Id") FROM regiocontracten GROUP BY "GiCode", "Regio", "Van")""");
            migrationBuilder.CreateIndex(
                name: "IX_regiocontracten_GiCode_Regio_Van",
                table: "regiocontracten",
                columns: new[] { "GiCode", "Regio", "Van" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_regiocontracten_GiCode_Regio_Van",
                table: "regiocontracten");
        }
    }
}
