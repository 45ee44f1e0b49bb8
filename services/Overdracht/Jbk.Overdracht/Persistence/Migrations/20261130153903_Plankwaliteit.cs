using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Overdracht.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Plankwaliteit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Scenarios planned before this were planned greedily, without a bound.
            migrationBuilder.AddColumn<long>(
                name: "PlanGrens",
                table: "scenarios",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PlanScore",
                table: "scenarios",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "PlanToelichting",
                table: "scenarios",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "gepland door de gretige planner, vóór de optimale planner er was");

            migrationBuilder.AddColumn<string>(
                name: "Planmethode",
                table: "scenarios",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Gretig");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PlanGrens",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "PlanScore",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "PlanToelichting",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "Planmethode",
                table: "scenarios");
        }
    }
}
