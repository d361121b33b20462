using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KPops.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartnerSecretsAndBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecretHash",
                table: "PartnerKeys");

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "PartnerKeys",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ProtectedSecret",
                table: "PartnerKeys",
                type: "bytea",
                maxLength: 1024,
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.CreateTable(
                name: "PartnerBatches",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Outcomes = table.Column<byte[]>(type: "bytea", nullable: true),
                    Checkpoint = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerBatches", x => new { x.KeyId, x.IdempotencyKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerBatches_CreatedAtUnixMs",
                table: "PartnerBatches",
                column: "CreatedAtUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerBatches");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "PartnerKeys");

            migrationBuilder.DropColumn(
                name: "ProtectedSecret",
                table: "PartnerKeys");

            migrationBuilder.AddColumn<byte[]>(
                name: "SecretHash",
                table: "PartnerKeys",
                type: "bytea",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0]);
        }
    }
}
