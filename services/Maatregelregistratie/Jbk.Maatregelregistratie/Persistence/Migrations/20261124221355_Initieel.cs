using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jbk.Maatregelregistratie.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initieel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gemelde_termijnen",
                columns: table => new
                {
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Uiterlijk = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gemelde_termijnen", x => new { x.MaatregelId, x.Soort, x.Uiterlijk });
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
                name: "jeugdigen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GezinId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Huisnummer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Geboortedatum = table.Column<DateOnly>(type: "date", nullable: false),
                    Gemeente = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Doelgroepen = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jeugdigen", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "maatregelen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IdempotentieSleutel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    JrVariant = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    JeugdigeId = table.Column<Guid>(type: "uuid", nullable: false),
                    GezinId = table.Column<Guid>(type: "uuid", nullable: false),
                    OtsId = table.Column<Guid>(type: "uuid", nullable: true),
                    Regio = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Startdatum = table.Column<DateOnly>(type: "date", nullable: false),
                    Einddatum = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BeeindigdOp = table.Column<DateOnly>(type: "date", nullable: true),
                    Beeindigingsreden = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    GeregistreerdOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Versie = table.Column<int>(type: "integer", nullable: false),
                    VerantwoordelijkeGi = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_maatregelen", x => x.Id);
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
                name: "beschikkingen",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rechtbank = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Zaaknummer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Einddatum = table.Column<DateOnly>(type: "date", nullable: true),
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beschikkingen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_beschikkingen_maatregelen_MaatregelId",
                        column: x => x.MaatregelId,
                        principalTable: "maatregelen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inzagen",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OverdrachtId = table.Column<Guid>(type: "uuid", nullable: false),
                    VerleendOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IngetrokkenOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inzagen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inzagen_maatregelen_MaatregelId",
                        column: x => x.MaatregelId,
                        principalTable: "maatregelen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mijlpalen",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mijlpalen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mijlpalen_maatregelen_MaatregelId",
                        column: x => x.MaatregelId,
                        principalTable: "maatregelen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "toewijzingen",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Soort = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Wie = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Van = table.Column<DateOnly>(type: "date", nullable: false),
                    Tot = table.Column<DateOnly>(type: "date", nullable: true),
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_toewijzingen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_toewijzingen_maatregelen_MaatregelId",
                        column: x => x.MaatregelId,
                        principalTable: "maatregelen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "verantwoordelijkheden",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    VanUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TotUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdrachtId = table.Column<Guid>(type: "uuid", nullable: true),
                    MaatregelId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verantwoordelijkheden", x => x.Id);
                    table.ForeignKey(
                        name: "FK_verantwoordelijkheden_maatregelen_MaatregelId",
                        column: x => x.MaatregelId,
                        principalTable: "maatregelen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_beschikkingen_MaatregelId",
                table: "beschikkingen",
                column: "MaatregelId");

            migrationBuilder.CreateIndex(
                name: "IX_inzagen_MaatregelId",
                table: "inzagen",
                column: "MaatregelId");

            migrationBuilder.CreateIndex(
                name: "IX_jeugdigen_Bsn",
                table: "jeugdigen",
                column: "Bsn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jeugdigen_GezinId",
                table: "jeugdigen",
                column: "GezinId");

            migrationBuilder.CreateIndex(
                name: "IX_maatregelen_GezinId",
                table: "maatregelen",
                column: "GezinId");

            migrationBuilder.CreateIndex(
                name: "IX_maatregelen_IdempotentieSleutel",
                table: "maatregelen",
                column: "IdempotentieSleutel",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_maatregelen_JeugdigeId",
                table: "maatregelen",
                column: "JeugdigeId");

            migrationBuilder.CreateIndex(
                name: "IX_maatregelen_VerantwoordelijkeGi_Status",
                table: "maatregelen",
                columns: new[] { "VerantwoordelijkeGi", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_mijlpalen_MaatregelId",
                table: "mijlpalen",
                column: "MaatregelId");

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
                name: "IX_toewijzingen_MaatregelId",
                table: "toewijzingen",
                column: "MaatregelId");

            migrationBuilder.CreateIndex(
                name: "IX_verantwoordelijkheden_MaatregelId",
                table: "verantwoordelijkheden",
                column: "MaatregelId");

            migrationBuilder.CreateIndex(
                name: "IX_verantwoordelijkheden_OverdrachtId",
                table: "verantwoordelijkheden",
                column: "OverdrachtId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "beschikkingen");

            migrationBuilder.DropTable(
                name: "gemelde_termijnen");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "inzagen");

            migrationBuilder.DropTable(
                name: "jeugdigen");

            migrationBuilder.DropTable(
                name: "mijlpalen");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "toewijzingen");

            migrationBuilder.DropTable(
                name: "verantwoordelijkheden");

            migrationBuilder.DropTable(
                name: "maatregelen");
        }
    }
}
