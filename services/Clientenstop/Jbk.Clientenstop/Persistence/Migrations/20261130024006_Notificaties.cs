using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jbk.Clientenstop.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Notificaties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notificaties",
                columns: table => new
                {
                    Volgorde = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StopId = table.Column<Guid>(type: "uuid", nullable: false),
                    GiCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Gebeurtenis = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Partijen = table.Column<List<string>>(type: "text[]", nullable: false),
                    AangemaaktOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerzondenOpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Pogingen = table.Column<int>(type: "integer", nullable: false),
                    LaatsteFout = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notificaties", x => x.Volgorde);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notificaties_Id",
                table: "notificaties",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notificaties_VerzondenOpUtc",
                table: "notificaties",
                column: "VerzondenOpUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notificaties");
        }
    }
}
