using CatalogAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// The undo of a batch that changed prices and nothing else (a bulk price change), made by the database in a few
/// statements over the whole batch, where <see cref="UndoBatchHandler"/> otherwise reads, changes and writes its products
/// a thousand at a time. What it does is what that does for such a batch:
/// <list type="bullet">
/// <item>a product whose version is no longer the one the batch left was changed since: it is skipped and listed;</item>
/// <item>every other product gets the old price back, a new version and time, and a history entry
/// (<see cref="ProductHistoryKind.Reverted"/>, <see cref="ChangeSource.Undo"/>) from the new price to the old.</item>
/// </list>
/// An old price needs no check: it was a valid price, and only the price changes.
/// <para>
/// Why: the undo of a price change of 100,000 products took 9.7–9.9 s through the entities, against a 10 s target,
/// and over it when it was the first undo of the process (docs/performance.md, "Bulk actions").
/// </para>
/// </summary>
internal static class PriceUndoInDatabase
{
    /// <summary>Whether every entry of the batch is an update of the price alone, one a product. (Kinds are stored by name.)</summary>
    public static async Task<bool> AppliesToAsync(CatalogDbContext db, Guid batchId, CancellationToken cancellationToken)
    {
        await using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
        var sql = new PriceHistorySql(db, parameterFactory);
        // Every piece put into the SQL here is SQL of this code's own; the values go as parameters.
        var countEntries = $"""
            SELECT COUNT(*) AS "Entries", COUNT(DISTINCT "ProductId") AS "Products",
                   COALESCE(SUM(CASE WHEN "Kind" = '{nameof(ProductHistoryKind.Updated)}' AND {sql.ChangeCount("\"Changes\"")} = 1
                                      AND {sql.OnlyChange("\"Changes\"", "Field")} = '{nameof(ProductField.Price)}' THEN 1 ELSE 0 END), 0) AS "PriceOnly"
            FROM "ProductHistory" WHERE "BatchId" = @batch
            """;
        var counts = await db.Database.SqlQueryRaw<BatchCounts>(countEntries, sql.BatchId("batch", batchId)).SingleAsync(cancellationToken);
        return counts.Entries > 0 && counts.Entries == counts.Products && counts.PriceOnly == counts.Entries;
    }

    /// <summary>Undoes the batch inside the caller's transaction; returns the products undone and those skipped.</summary>
    public static async Task<(List<Guid> Undone, List<SkippedProduct> Skipped)> UndoAsync(
        CatalogDbContext db, Guid batchId, Guid undoBatchId, DateTimeOffset now, string? changedBy, string? role, CancellationToken cancellationToken)
    {
        await using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
        var sql = new PriceHistorySql(db, parameterFactory);
        const string Batch = """
            FROM "ProductHistory" AS h JOIN "Products" AS p ON p."Id" = h."ProductId"
            WHERE h."BatchId" = @undone
            """;

        var skipped = await db.Database.SqlQueryRaw<ProductRow>(
                $"""SELECT p."Id", p."Name", p."Sku" {Batch} AND p."Version" <> h."VersionAfter" """,
                sql.BatchId("undone", batchId))
            .ToListAsync(cancellationToken);
        var undone = await db.Database.SqlQueryRaw<Guid>(
                $"""SELECT p."Id" AS "Value" {Batch} AND p."Version" = h."VersionAfter" """,
                sql.BatchId("undone", batchId))
            .ToListAsync(cancellationToken);

        // Every piece put into the SQL here is SQL of this code's own; the values go as parameters.
        var recordHistory = $"""
            INSERT INTO "ProductHistory" ({PriceHistorySql.HistoryColumns})
            SELECT p."Id", @OccurredAt, @ChangedBy, @ChangedByRole, @Source, @Kind, @BatchId, p."Version" + 1,
                   {PriceHistorySql.PriceChangeJson(sql.OnlyChange("h.\"Changes\"", "NewValue"), sql.OnlyChange("h.\"Changes\"", "OldValue"))}
            {Batch} AND p."Version" = h."VersionAfter"
            """;
        var revertPrices = $"""
            {sql.Update} "Products" SET "PriceCents" = {sql.Cents(sql.OnlyChange("h.\"Changes\"", "OldValue"))},
                   "UpdatedAt" = @UpdatedAt, "Version" = "Products"."Version" + 1
            FROM "ProductHistory" AS h
            WHERE h."BatchId" = @undone AND "Products"."Id" = h."ProductId" AND "Products"."Version" = h."VersionAfter"
            """;
        var recorded = await db.Database.ExecuteSqlRawAsync(
            recordHistory,
            [sql.BatchId("undone", batchId), .. sql.HistoryParameters(now, changedBy, role, ChangeSource.Undo, ProductHistoryKind.Reverted, undoBatchId)],
            cancellationToken);
        var reverted = await db.Database.ExecuteSqlRawAsync(revertPrices, [sql.BatchId("undone", batchId), sql.UpdatedAt(now)], cancellationToken);
        if (recorded != undone.Count || reverted != undone.Count)
        {
            throw new InvalidOperationException($"Of {undone.Count} products to undo, {reverted} were reverted and {recorded} recorded.");
        }

        return (undone, [.. skipped.Select(p => new SkippedProduct(p.Id, p.Name, p.Sku, UndoBatchHandler.ChangedSinceReason))]);
    }

    private sealed class BatchCounts
    {
        public long Entries { get; init; }

        public long Products { get; init; }

        public long PriceOnly { get; init; }
    }

    private sealed class ProductRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string Sku { get; init; } = "";
    }
}
