using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Overdracht.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Scenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scenario_plaatsingen",
                columns: table => new
                {
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false),
                    GezinId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VanGi = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Regio = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Doelgroepen = table.Column<List<string>>(type: "text[]", nullable: false),
                    JeugdbeschermerId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EersteTermijn = table.Column<DateOnly>(type: "date", nullable: true),
                    Termijnen = table.Column<List<string>>(type: "text[]", nullable: false),
                    Naar = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    VolgtJeugdbeschermer = table.Column<bool>(type: "boolean", nullable: false),
                    TermijnGemarkeerd = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Poging = table.Column<int>(type: "integer", nullable: false),
                    OverdrachtId = table.Column<Guid>(type: "uuid", nullable: true),
                    Weigeringen = table.Column<List<string>>(type: "text[]", nullable: false),
                    NietPlaatsbaarReden = table.Column<string>(type: "text", nullable: true),
                    OmgezetOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VastOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenario_plaatsingen", x => new { x.ScenarioId, x.MaatregelId });
                });

            migrationBuilder.CreateTable(
                name: "scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VerzendendeGi = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DefinitieJson = table.Column<string>(type: "text", nullable: false),
                    Versneld = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GestarteWeek = table.Column<int>(type: "integer", nullable: false),
                    AangemaaktOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GoedgekeurdOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GoedgekeurdDoor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AfgerondOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scenario_plaatsingen_OverdrachtId",
                table: "scenario_plaatsingen",
                column: "OverdrachtId");

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_Status",
                table: "scenarios",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scenario_plaatsingen");

            migrationBuilder.DropTable(
                name: "scenarios");
        }
    }
}
