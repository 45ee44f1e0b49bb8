using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jbk.Capaciteit.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initieel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Organisatie = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Gebruiker = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Wat = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bezettingen",
                columns: table => new
                {
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FteTotaal = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    FteZiek = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    FteExtern = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    FteInOpleiding = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Norm = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    OpleidingsFactor = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    BijgewerktOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bezettingen", x => x.GiCode);
                });

            migrationBuilder.CreateTable(
                name: "certificaten",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Van = table.Column<DateOnly>(type: "date", nullable: false),
                    Tot = table.Column<DateOnly>(type: "date", nullable: false),
                    Verlengingen = table.Column<int>(type: "integer", nullable: false),
                    IngetrokkenOp = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificaten", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clientenstops",
                columns: table => new
                {
                    StopId = table.Column<Guid>(type: "uuid", nullable: false),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Regios = table.Column<List<string>>(type: "text[]", nullable: false),
                    Types = table.Column<int[]>(type: "integer[]", nullable: false),
                    SpoedUitgezonderd = table.Column<bool>(type: "boolean", nullable: false),
                    JrUitgezonderd = table.Column<bool>(type: "boolean", nullable: false),
                    Van = table.Column<DateOnly>(type: "date", nullable: false),
                    Tot = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clientenstops", x => x.StopId);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HandledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "instellingen",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Regios = table.Column<List<string>>(type: "text[]", nullable: false),
                    Doelgroepen = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instellingen", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "lopende_maatregelen",
                columns: table => new
                {
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Regio = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Lopend = table.Column<bool>(type: "boolean", nullable: false),
                    ZonderVasteJeugdbeschermer = table.Column<bool>(type: "boolean", nullable: false),
                    GiSindsUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lopende_maatregelen", x => x.MaatregelId);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventType = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "regiocontracten",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Regio = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Van = table.Column<DateOnly>(type: "date", nullable: false),
                    Tot = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regiocontracten", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reserveringen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IdempotentieSleutel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Regio = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Aantal = table.Column<int>(type: "integer", nullable: false),
                    Gewogen = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    VerlooptOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reserveringen", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_certificaten_GiCode",
                table: "certificaten",
                column: "GiCode");

            migrationBuilder.CreateIndex(
                name: "IX_lopende_maatregelen_GiCode_Lopend_Type_Regio",
                table: "lopende_maatregelen",
                columns: new[] { "GiCode", "Lopend", "Type", "Regio" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_EventId",
                table: "outbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_PublishedAtUtc",
                table: "outbox",
                column: "PublishedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_regiocontracten_GiCode_Regio",
                table: "regiocontracten",
                columns: new[] { "GiCode", "Regio" });

            migrationBuilder.CreateIndex(
                name: "IX_reserveringen_GiCode_Status",
                table: "reserveringen",
                columns: new[] { "GiCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_reserveringen_IdempotentieSleutel",
                table: "reserveringen",
                column: "IdempotentieSleutel",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit");

            migrationBuilder.DropTable(
                name: "bezettingen");

            migrationBuilder.DropTable(
                name: "certificaten");

            migrationBuilder.DropTable(
                name: "clientenstops");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "instellingen");

            migrationBuilder.DropTable(
                name: "lopende_maatregelen");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "regiocontracten");

            migrationBuilder.DropTable(
                name: "reserveringen");
        }
    }
}
