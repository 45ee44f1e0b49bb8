using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jbk.Overdracht.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initieel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_documenten",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OverdrachtId = table.Column<Guid>(type: "uuid", nullable: false),
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    AuteurOrganisatie = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Inhoud = table.Column<byte[]>(type: "bytea", nullable: false),
                    Checksum = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GeleverdOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_documenten", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OverdrachtId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handeling = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Organisatie = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Gebruiker = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Namens = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Jeugdigen = table.Column<string>(type: "text", nullable: false),
                    Toegestaan = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_log", x => x.Id);
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
                name: "maatregel_standen",
                columns: table => new
                {
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VerantwoordelijkeGi = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Regio = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Einddatum = table.Column<DateOnly>(type: "date", nullable: true),
                    Lopend = table.Column<bool>(type: "boolean", nullable: false),
                    GiSindsUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    JeugdigeId = table.Column<Guid>(type: "uuid", nullable: false),
                    GezinId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_maatregel_standen", x => x.MaatregelId);
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
                name: "overdrachten",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VerzendendeGi = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OntvangendeGi = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GeplandeOmzetting = table.Column<DateOnly>(type: "date", nullable: false),
                    RedenGezinSplitsen = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReserveringIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    VerzoekAanRechterOp = table.Column<DateOnly>(type: "date", nullable: true),
                    Zaaknummer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DatumBeschikking = table.Column<DateOnly>(type: "date", nullable: true),
                    WarmeOverdrachtOp = table.Column<DateOnly>(type: "date", nullable: true),
                    RedenGeenWarmeOverdracht = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OmgezetOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OmzettingGevraagdOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VastToegewezen = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Opgeruimd = table.Column<bool>(type: "boolean", nullable: false),
                    LaatsteStapUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdrachten", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "overdracht_controles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Regel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Geslaagd = table.Column<bool>(type: "boolean", nullable: false),
                    Toelichting = table.Column<string>(type: "text", nullable: false),
                    OverdrachtId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdracht_controles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_overdracht_controles_overdrachten_OverdrachtId",
                        column: x => x.OverdrachtId,
                        principalTable: "overdrachten",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "overdracht_historie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Wat = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Organisatie = table.Column<string>(type: "text", nullable: false),
                    Gebruiker = table.Column<string>(type: "text", nullable: false),
                    OpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Toelichting = table.Column<string>(type: "text", nullable: true),
                    OverdrachtId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdracht_historie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_overdracht_historie_overdrachten_OverdrachtId",
                        column: x => x.OverdrachtId,
                        principalTable: "overdrachten",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "overdracht_maatregelen",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GezinId = table.Column<Guid>(type: "uuid", nullable: false),
                    JeugdigeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OverdrachtId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdracht_maatregelen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_overdracht_maatregelen_overdrachten_OverdrachtId",
                        column: x => x.OverdrachtId,
                        principalTable: "overdrachten",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "overdracht_termijneigenaars",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "text", nullable: false),
                    GiCode = table.Column<string>(type: "text", nullable: false),
                    OverdrachtId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdracht_termijneigenaars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_overdracht_termijneigenaars_overdrachten_OverdrachtId",
                        column: x => x.OverdrachtId,
                        principalTable: "overdrachten",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_documenten_OverdrachtId",
                table: "dossier_documenten",
                column: "OverdrachtId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_log_OverdrachtId",
                table: "dossier_log",
                column: "OverdrachtId");

            migrationBuilder.CreateIndex(
                name: "IX_maatregel_standen_GezinId",
                table: "maatregel_standen",
                column: "GezinId");

            migrationBuilder.CreateIndex(
                name: "IX_maatregel_standen_VerantwoordelijkeGi",
                table: "maatregel_standen",
                column: "VerantwoordelijkeGi");

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
                name: "IX_overdracht_controles_OverdrachtId",
                table: "overdracht_controles",
                column: "OverdrachtId");

            migrationBuilder.CreateIndex(
                name: "IX_overdracht_historie_OverdrachtId",
                table: "overdracht_historie",
                column: "OverdrachtId");

            migrationBuilder.CreateIndex(
                name: "IX_overdracht_maatregelen_OverdrachtId",
                table: "overdracht_maatregelen",
                column: "OverdrachtId");

            migrationBuilder.CreateIndex(
                name: "IX_overdracht_termijneigenaars_OverdrachtId",
                table: "overdracht_termijneigenaars",
                column: "OverdrachtId");

            migrationBuilder.CreateIndex(
                name: "IX_overdrachten_OntvangendeGi",
                table: "overdrachten",
                column: "OntvangendeGi");

            migrationBuilder.CreateIndex(
                name: "IX_overdrachten_Status",
                table: "overdrachten",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_overdrachten_VerzendendeGi",
                table: "overdrachten",
                column: "VerzendendeGi");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_documenten");

            migrationBuilder.DropTable(
                name: "dossier_log");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "maatregel_standen");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "overdracht_controles");

            migrationBuilder.DropTable(
                name: "overdracht_historie");

            migrationBuilder.DropTable(
                name: "overdracht_maatregelen");

            migrationBuilder.DropTable(
                name: "overdracht_termijneigenaars");

            migrationBuilder.DropTable(
                name: "overdrachten");
        }
    }
}
