using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jbk.Maatregelregistratie.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Toegangslog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "toegangslog",
                columns: table => new
                {
                    Volgorde = table.Column<long>(type: "bigint", nullable: false),
                    OpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Organisatie = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Gebruiker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Namens = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Handeling = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Uitkomst = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Betrokkenen = table.Column<List<string>>(type: "text[]", nullable: false),
                    VorigeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_toegangslog", x => x.Volgorde);
                });

            migrationBuilder.CreateTable(
                name: "toegangslog_kop",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Aantal = table.Column<long>(type: "bigint", nullable: false),
                    LaatsteVolgorde = table.Column<long>(type: "bigint", nullable: false),
                    LaatsteHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_toegangslog_kop", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_toegangslog_Organisatie_Volgorde",
                table: "toegangslog",
                columns: new[] { "Organisatie", "Volgorde" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "toegangslog");

            migrationBuilder.DropTable(
                name: "toegangslog_kop");
        }
    }
}
