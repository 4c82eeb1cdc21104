using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CatalogAdmin.Core.Persistence.PostgreSql;

/// <summary>
/// <see cref="CatalogGenerator"/> on PostgreSQL: the same products, streamed in with one binary COPY inside one
/// transaction. The counting trigger is disabled and the secondary indexes (the trigram index among them) dropped for
/// the load; the indexes are built again and the counts set once at the end, in the same transaction, so an
/// interrupted load leaves the catalog as it was.
/// </summary>
internal static class PostgreSqlCatalogGenerator
{
    private const int ProgressEvery = 20_000;

    public static async Task<CatalogGenerator.Result> GenerateAsync(
        string connectionString, int count, int seed, IProgress<int>? progress, int trashed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trashed, count);
        var timer = Stopwatch.StartNew();
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, """
            SET LOCAL synchronous_commit = off;
            SET LOCAL maintenance_work_mem = '512MB';
            ALTER TABLE "Products" DISABLE TRIGGER "Products_KeepCounts";
            """, cancellationToken);
        var indexes = await SetIndexesAsideAsync(connection, cancellationToken);
        var categories = await EnsureCategoriesAsync(connection, now, cancellationToken);

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Products" ("Id", "Name", "Sku", "SearchKey", "Description", "PriceCents", "Stock", "Status", "CategoryId",
                             "CreatedAt", "UpdatedAt", "Version", "DeletedAt", "DeletedBy") FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var n = 0; n < count; n++)
            {
                var row = CatalogGenerator.NextRow(random, now, run, n, trashed);
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.Name, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.Sku, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.SearchKey, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, row.Description, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.PriceCents, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(row.Stock, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(row.Status, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, row.Category is { } c ? categories[c] : (Guid?)null, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.CreatedAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(row.UpdatedAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
                await WriteNullableAsync(copy, row.DeletedAt?.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
                await WriteNullableAsync(copy, row.DeletedBy, NpgsqlDbType.Varchar, cancellationToken);
                if ((n + 1) % ProgressEvery == 0)
                {
                    progress?.Report(n + 1);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        progress?.Report(count);
        // Built once over all rows (sorted), which is far quicker than keeping them up to date row by row.
        foreach (var index in indexes)
        {
            await ExecuteAsync(connection, index, cancellationToken);
        }

        await ExecuteAsync(connection, """
            ALTER TABLE "Products" ENABLE TRIGGER "Products_KeepCounts";
            UPDATE "ProductCount" SET "Value" = (SELECT count(*) FROM "Products" WHERE "DeletedAt" IS NULL) WHERE "Id" = 1;
            UPDATE "Categories" c SET "ProductCount" = (SELECT count(*) FROM "Products" p WHERE p."CategoryId" = c."Id" AND p."DeletedAt" IS NULL);
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The planner's statistics for the new data.
        await ExecuteAsync(connection, "ANALYZE", cancellationToken);
        return new CatalogGenerator.Result(count, timer.Elapsed);
    }

    /// <summary>Drops Products' secondary indexes (not the key, nor the SKU's uniqueness) and returns their definitions.</summary>
    private static async Task<List<string>> SetIndexesAsideAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand("""
            SELECT indexname, indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = 'Products' AND indexname NOT IN ('PK_Products', 'IX_Products_Sku')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", cancellationToken);
        }

        return indexes.Select(i => i.Definition).ToList();
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, type, cancellationToken);
        }
    }

    /// <summary>The generator's categories, created unless a previous run made them; their ids in <see cref="CatalogGenerator.CategoryNames"/> order.</summary>
    private static async Task<List<Guid>> EnsureCategoriesAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        foreach (var name in CatalogGenerator.CategoryNames)
        {
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO "Categories" ("Id", "Name", "NormalizedName", "CreatedAt", "ProductCount") VALUES ($1, $2, $3, $4, 0)
                ON CONFLICT ("NormalizedName") DO NOTHING
                """, connection);
            upsert.Parameters.AddWithValue(Guid.CreateVersion7(now));
            upsert.Parameters.AddWithValue(name);
            upsert.Parameters.AddWithValue(name.ToUpperInvariant());
            upsert.Parameters.AddWithValue(now.UtcTicks);
            await upsert.ExecuteNonQueryAsync(cancellationToken);

            await using var select = new NpgsqlCommand("""SELECT "Id" FROM "Categories" WHERE "NormalizedName" = $1""", connection);
            select.Parameters.AddWithValue(name.ToUpperInvariant());
            ids.Add((Guid)(await select.ExecuteScalarAsync(cancellationToken))!);
        }

        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
