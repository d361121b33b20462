using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KPops.Server.Storage.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Detector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenMs = table.Column<long>(type: "INTEGER", nullable: false),
                    BallotCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Indices = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Voters = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", nullable: true),
                    QuarantineEntries = table.Column<byte[]>(type: "BLOB", nullable: true)
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
