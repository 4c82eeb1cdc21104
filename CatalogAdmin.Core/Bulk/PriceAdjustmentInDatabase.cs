using System.Globalization;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

/// <summary>
/// A bulk price change (<see cref="PriceAdjustment"/>) made by the database, a chunk of products at a time: the new prices
/// are computed in SQL, in whole cents, so no product is read into the app. Per chunk, three statements:
/// <list type="number">
/// <item>the products whose new price would break the price's rule (below 0, over the maximum), to skip and list;</item>
/// <item>one history entry for each product whose price changes, with its old and new price;</item>
/// <item>the UPDATE of those products' price, time and version.</item>
/// </list>
/// The SQL is <see cref="PriceAdjustment.Apply"/>'s rule in integer arithmetic: exact, where the entities' path computes in
/// decimals. A test compares the two for thousands of prices on SQLite and on PostgreSQL.
/// <para>
/// Why: reading 100,000 products into tracked entities, comparing them and writing each row's values back took 6 of the
/// 14 s of a price change of 100,000 products, over its 10 s target (docs/performance.md, "Bulk actions").
/// </para>
/// <para>
/// Only the price changes, so only the price's rule is checked. The other fields are those the database holds, checked
/// when they were saved.
/// </para>
/// </summary>
internal static class PriceAdjustmentInDatabase
{
    /// <summary>The bulk action's work per chunk of ids.</summary>
    public static BulkUpdate.ChunkWork Chunks(PriceAdjustment adjustment, ICurrentUser user)
    {
        var role = ProductHistory.RoleOf(user);
        return async (db, ids, batchId, now, tally, cancellationToken) =>
        {
            await using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
            var sql = new PriceHistorySql(db, parameterFactory);
            var statements = new ChunkStatements(sql, adjustment);

            var skipped = 0;
            await foreach (var row in db.Database.SqlQueryRaw<SkippedRow>(statements.Skipped, sql.Ids(ids)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                skipped++;
                var newPrice = adjustment.Apply(row.Price / 100m);
                tally.Skip(new SkippedProduct(row.Id, row.Name, row.Sku, BulkUpdate.PriceSkipReason(newPrice) ?? "Not changed."));
            }

            var recorded = await db.Database.ExecuteSqlRawAsync(
                statements.RecordHistory,
                [sql.Ids(ids), .. sql.HistoryParameters(now, user.Name, role, ChangeSource.Bulk, ProductHistoryKind.Updated, batchId)],
                cancellationToken);
            var changed = await db.Database.ExecuteSqlRawAsync(statements.UpdatePrices, [sql.Ids(ids), sql.UpdatedAt(now)], cancellationToken);
            if (changed != recorded)
            {
                throw new InvalidOperationException($"{recorded} history entries were written for {changed} changed prices.");
            }

            tally.Changed += changed;
            tally.Unchanged += ids.Length - changed - skipped;
        };
    }

    /// <summary>A product the change would make invalid, with its price in cents now.</summary>
    private sealed class SkippedRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string Sku { get; init; } = "";

        public long Price { get; init; }
    }

    /// <summary>The three statements of a chunk of @ids.</summary>
    private sealed class ChunkStatements
    {
        public ChunkStatements(PriceHistorySql sql, PriceAdjustment adjustment)
        {
            // Each selected product's price in cents before ("Old") and after ("New").
            var prices = $"""
                SELECT "Id", "Name", "Sku", "Version", "Old", {EndIn99(adjustment, "\"Adjusted\"")} AS "New"
                FROM (SELECT "Id", "Name", "Sku", "Version", "PriceCents" AS "Old", {Adjusted(adjustment, "\"PriceCents\"")} AS "Adjusted"
                      FROM "Products" WHERE {sql.InIds("\"Id\"")}) AS adjusted
                """;
            var valid = $"\"New\" BETWEEN 0 AND {Cents(ProductRules.MaxPrice)}";
            var changing = $"SELECT * FROM ({prices}) AS priced WHERE {valid} AND \"New\" <> \"Old\"";

            Skipped = $"SELECT \"Id\", \"Name\", \"Sku\", \"Old\" AS \"Price\" FROM ({prices}) AS priced WHERE NOT ({valid})";
            RecordHistory = $"""
                INSERT INTO "ProductHistory" ({PriceHistorySql.HistoryColumns})
                SELECT "Id", @OccurredAt, @ChangedBy, @ChangedByRole, @Source, @Kind, @BatchId, "Version" + 1,
                       {PriceHistorySql.PriceChangeJson(sql.Money("\"Old\""), sql.Money("\"New\""))}
                FROM ({changing}) AS changing
                """;
            UpdatePrices = $"""
                {sql.Update} "Products" SET "PriceCents" = changing."New", "UpdatedAt" = @UpdatedAt, "Version" = "Products"."Version" + 1
                FROM ({changing}) AS changing
                WHERE "Products"."Id" = changing."Id"
                """;
        }

        public string Skipped { get; }

        public string RecordHistory { get; }

        public string UpdatePrices { get; }

        /// <summary>
        /// The price in cents rounded to the cent, half away from zero: by a percentage, (cents × (10000 + percent × 100)
        /// + 5000) / 10000, whose numerator is never negative (at most 100 % down), so integer division is the floor; or
        /// plus an amount in cents.
        /// </summary>
        private static string Adjusted(PriceAdjustment adjustment, string cents) => adjustment.Kind == PriceAdjustmentKind.Percent
            ? $"({cents} * {Cents(100m + adjustment.Value)} + 5000) / 10000"
            : $"{cents} + {Cents(adjustment.Value)}";

        /// <summary>
        /// The nearest price ending in .99 (<see cref="PriceAdjustment"/>): with r the cents past the whole amount,
        /// .99 above is nearer or as near when r ≥ 49, and there is none below under 1.00. A negative price stays, to be
        /// skipped.
        /// </summary>
        private static string EndIn99(PriceAdjustment adjustment, string cents) => adjustment.EndIn99
            ? $"CASE WHEN {cents} < 0 THEN {cents} WHEN {cents} < 100 OR {cents} % 100 >= 49 THEN {cents} - {cents} % 100 + 99 ELSE {cents} - {cents} % 100 - 1 END"
            : cents;

        /// <summary>An amount with at most 2 decimals (checked by <see cref="PriceAdjustment.Error"/>) as whole cents, in SQL.</summary>
        private static string Cents(decimal amount) => decimal.ToInt64(amount * 100m).ToString(CultureInfo.InvariantCulture);
    }
}
