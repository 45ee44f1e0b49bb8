using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Capaciteit.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Caseloadrapportage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "caseloadregels",
                columns: table => new
                {
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Peildatum = table.Column<DateOnly>(type: "date", nullable: false),
                    Regio = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Gerapporteerd = table.Column<int>(type: "integer", nullable: false),
                    InPlatform = table.Column<int>(type: "integer", nullable: false),
                    OntvangenOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_caseloadregels", x => new { x.GiCode, x.Peildatum, x.Regio, x.Type });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "caseloadregels");
        }
    }
}
