using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Overdracht.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Replicas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Vastgelopen",
                table: "overdrachten",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VolgendePogingUtc",
                table: "overdrachten",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "outbox",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Vastgelopen",
                table: "overdrachten");

            migrationBuilder.DropColumn(
                name: "VolgendePogingUtc",
                table: "overdrachten");

            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "outbox");
        }
    }
}
