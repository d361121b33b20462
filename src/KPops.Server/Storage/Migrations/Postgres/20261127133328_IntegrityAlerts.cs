using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KPops.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntegrityAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrityAlerts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Detector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    FirstSeenMs = table.Column<long>(type: "bigint", nullable: false),
                    LastSeenMs = table.Column<long>(type: "bigint", nullable: false),
                    BallotCount = table.Column<long>(type: "bigint", nullable: false),
                    Indices = table.Column<byte[]>(type: "bytea", nullable: false),
                    Voters = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    DecisionReason = table.Column<int>(type: "integer", nullable: true),
                    DecisionNote = table.Column<string>(type: "text", nullable: true),
                    QuarantineEntries = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityAlerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityAlerts_Sequence",
                table: "IntegrityAlerts",
                column: "Sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrityAlerts");
        }
    }
}
