using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jbk.Clientenstop.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initieel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "instroom",
                columns: table => new
                {
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Regio = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Week = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instroom", x => x.MaatregelId);
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
                name: "stops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Regios = table.Column<List<string>>(type: "text[]", nullable: false),
                    Types = table.Column<int[]>(type: "integer[]", nullable: false),
                    SpoedUitgezonderd = table.Column<bool>(type: "boolean", nullable: false),
                    JrUitgezonderd = table.Column<bool>(type: "boolean", nullable: false),
                    Van = table.Column<DateOnly>(type: "date", nullable: false),
                    Tot = table.Column<DateOnly>(type: "date", nullable: false),
                    VoorgesteldeVerlenging = table.Column<DateOnly>(type: "date", nullable: true),
                    Reden = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Versie = table.Column<int>(type: "integer", nullable: false),
                    VerlengingVoorgesteldOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stops", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stop_historie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Wat = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Organisatie = table.Column<string>(type: "text", nullable: false),
                    Gebruiker = table.Column<string>(type: "text", nullable: false),
                    OpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Toelichting = table.Column<string>(type: "text", nullable: true),
                    StopId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stop_historie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stop_historie_stops_StopId",
                        column: x => x.StopId,
                        principalTable: "stops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stop_oordelen",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Organisatie = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Regio = table.Column<string>(type: "text", nullable: true),
                    Soort = table.Column<string>(type: "text", nullable: false),
                    Reden = table.Column<string>(type: "text", nullable: true),
                    OpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StopId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stop_oordelen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stop_oordelen_stops_StopId",
                        column: x => x.StopId,
                        principalTable: "stops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_instroom_Regio_Week",
                table: "instroom",
                columns: new[] { "Regio", "Week" });

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
                name: "IX_stop_historie_StopId",
                table: "stop_historie",
                column: "StopId");

            migrationBuilder.CreateIndex(
                name: "IX_stop_oordelen_StopId",
                table: "stop_oordelen",
                column: "StopId");

            migrationBuilder.CreateIndex(
                name: "IX_stops_GiCode_Status",
                table: "stops",
                columns: new[] { "GiCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "instroom");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "stop_historie");

            migrationBuilder.DropTable(
                name: "stop_oordelen");

            migrationBuilder.DropTable(
                name: "stops");
        }
    }
}
