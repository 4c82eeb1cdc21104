using System.Diagnostics;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Persistence.PostgreSql;
using Microsoft.Data.Sqlite;

namespace CatalogAdmin.Core.Persistence;

/// <summary>
/// Fills a migrated catalog with N realistic, varied products fast: one transaction of prepared INSERTs,
/// bypassing EF Core's change tracking. The Products triggers (search index, row count) are set aside for
/// the load and the index is rebuilt in bulk at the end, inside the same transaction, so an interrupted
/// load leaves the catalog exactly as it was. Run it while the app is stopped. Deterministic for a seed.
/// </summary>
public static class CatalogGenerator
{
    private const int BatchSize = 20_000;

    private static readonly string[] Brands =
        ["Acme", "Nordic", "Vertex", "Lumen", "Orbit", "Kestrel", "Pioneer", "Atlas", "Summit", "Cobalt", "Zephyr", "Harbor", "Quartz", "Falcon", "Ember", "Maple"];

    private static readonly string[] Adjectives =
        ["Compact", "Wireless", "Ergonomic", "Portable", "Premium", "Classic", "Smart", "Rugged", "Slim", "Pro", "Ultra", "Quiet", "Foldable", "Eco", "Heavy-duty", "Mini"];

    private static readonly string[] Products =
        ["Laptop", "Mouse", "Keyboard", "Monitor", "Headphones", "Desk Lamp", "Office Chair", "USB-C Hub", "Webcam", "Speaker", "Router", "Power Bank", "Tablet Stand", "SSD", "Microphone", "Printer", "Backpack", "Charger", "Cable", "Docking Station"];

    private static readonly string[] Colours = ["Black", "White", "Graphite", "Silver", "Blue", "Red", "Green", "Sand"];

    /// <summary>Fifty categories, as a shop of this size might have; one product in twenty has none.</summary>
    internal static readonly string[] CategoryNames =
    [
        "Laptops", "Mice", "Keyboards", "Monitors", "Headphones", "Desk Lamps", "Office Chairs", "USB Hubs", "Webcams", "Speakers",
        "Routers", "Power Banks", "Stands", "Storage", "Microphones", "Printers", "Backpacks", "Chargers", "Cables", "Docking Stations",
        "Gaming", "Audio", "Video", "Networking", "Smart Home", "Office", "Travel", "Photography", "Streaming", "Accessories",
        "Clearance", "New Arrivals", "Bundles", "Refurbished", "Ergonomics", "Lighting", "Furniture", "Security", "Wearables", "Tablets",
        "Phones", "Cases", "Adapters", "Memory Cards", "Batteries", "Tools", "Cleaning", "Gifts", "Education", "Business",
    ];

    public sealed record Result(int Created, TimeSpan Elapsed);

    /// <summary>The same products on either database: PostgreSQL's are loaded with COPY (<see cref="PostgreSqlCatalogGenerator"/>).</summary>
    public static Task<Result> GenerateAsync(
        CatalogDatabaseSettings database, int count, int seed = 20261123, IProgress<int>? progress = null, int trashed = 0, CancellationToken cancellationToken = default) =>
        database.IsPostgreSql
            ? PostgreSqlCatalogGenerator.GenerateAsync(database.ConnectionString, count, seed, progress, trashed, cancellationToken)
            : GenerateAsync(database.ConnectionString, count, seed, progress, trashed, cancellationToken);

    /// <param name="trashed">How many of the <paramref name="count"/> products are in the trash (moved there in the last 30 days).</param>
    public static async Task<Result> GenerateAsync(
        string connectionString, int count, int seed = 20261123, IProgress<int>? progress = null, int trashed = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trashed, count);
        var timer = Stopwatch.StartNew();
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;

        // A connection of its own, not one from the pool: SQLite reads the planner's statistics when a connection opens.
        var ownConnection = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await ForgetStatisticsAsync(ownConnection, cancellationToken);
        await using var connection = new SqliteConnection(ownConnection);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            // A bulk load of demo data: a large page cache (the secondary and search indexes get random
            // inserts) and no fsync per commit. A crash mid-load loses generated rows, nothing else.
            pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA cache_size = -262144; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        // A run number in the SKU keeps a second run from colliding with the first.
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // Triggers and secondary indexes are set aside for the load and made again after it: building an index from
        // all its rows at once is a sort, where a million inserts into each of a dozen indexes are random page writes.
        var triggers = await SetAsideAsync(connection, transaction, "trigger", cancellationToken);
        var indexes = await SetAsideAsync(connection, transaction, "index", cancellationToken);
        var categories = await EnsureCategoriesAsync(connection, transaction, now, cancellationToken);
        for (var done = 0; done < count;)
        {
            var batch = Math.Min(BatchSize, count - done);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO Products (Id, Name, Sku, SearchKey, Description, PriceCents, Stock, Status, CategoryId, CreatedAt, UpdatedAt, Version, DeletedAt, DeletedBy)
                VALUES ($id, $name, $sku, $key, $description, $price, $stock, $status, $category, $created, $updated, 1, $deleted, $deletedBy)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            var sku = insert.Parameters.Add("$sku", SqliteType.Text);
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var description = insert.Parameters.Add("$description", SqliteType.Text);
            var price = insert.Parameters.Add("$price", SqliteType.Integer);
            var stock = insert.Parameters.Add("$stock", SqliteType.Integer);
            var status = insert.Parameters.Add("$status", SqliteType.Integer);
            var category = insert.Parameters.Add("$category", SqliteType.Text);
            var created = insert.Parameters.Add("$created", SqliteType.Integer);
            var updated = insert.Parameters.Add("$updated", SqliteType.Integer);
            var deleted = insert.Parameters.Add("$deleted", SqliteType.Integer);
            var deletedBy = insert.Parameters.Add("$deletedBy", SqliteType.Text);
            await insert.PrepareAsync(cancellationToken);

            for (var i = 0; i < batch; i++)
            {
                var row = NextRow(random, now, run, done + i, trashed);
                id.Value = row.Id.ToString().ToUpperInvariant();
                name.Value = row.Name;
                sku.Value = row.Sku;
                key.Value = row.SearchKey;
                description.Value = (object?)row.Description ?? DBNull.Value;
                price.Value = row.PriceCents;
                stock.Value = row.Stock;
                status.Value = row.Status;
                category.Value = row.Category is { } c ? categories[c] : DBNull.Value;
                created.Value = row.CreatedAt.UtcTicks;
                updated.Value = row.UpdatedAt.UtcTicks;
                deleted.Value = row.DeletedAt is { } at ? at.UtcTicks : DBNull.Value;
                deletedBy.Value = (object?)row.DeletedBy ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            done += batch;
            progress?.Report(done);
        }

        await ExecuteAsync(connection, transaction, [.. indexes, .. triggers,
            ProductSearchIndexes.RebuildSql,
            "UPDATE ProductCount SET Value = (SELECT COUNT(*) FROM Products WHERE DeletedAt IS NULL) WHERE Id = 1",
            "UPDATE Categories SET ProductCount = (SELECT COUNT(*) FROM Products WHERE CategoryId = Categories.Id AND DeletedAt IS NULL)"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The planner's statistics for the new data (which index to walk for a filtered list).
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        return new Result(count, timer.Elapsed);
    }

    /// <summary>The generator's categories, created unless a previous run made them; returns their ids as stored.</summary>
    private static async Task<List<string>> EnsureCategoriesAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var name in CategoryNames)
        {
            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO Categories (Id, Name, NormalizedName, CreatedAt, ProductCount) VALUES ($id, $name, $key, $created, 0)
                ON CONFLICT (NormalizedName) DO NOTHING;
                SELECT Id FROM Categories WHERE NormalizedName = $key;
                """;
            upsert.Parameters.AddWithValue("$id", Guid.CreateVersion7(now).ToString().ToUpperInvariant());
            upsert.Parameters.AddWithValue("$name", name);
            upsert.Parameters.AddWithValue("$key", name.ToUpperInvariant());
            upsert.Parameters.AddWithValue("$created", now.UtcTicks);
            ids.Add((string)(await upsert.ExecuteScalarAsync(cancellationToken))!);
        }

        return ids;
    }

    /// <summary>
    /// Drops the planner's statistics, which describe the catalog before the load (ANALYZE makes new ones after it). Taken
    /// on a nearly empty catalog (the app's start-up runs <c>PRAGMA optimize</c>), they told SQLite that the search indexes'
    /// block tables held a few rows, so the FTS5 rebuild's range deletes used only their lower bound and read every block
    /// after it: 200,000 products into an empty catalog took 94 s instead of 24 s, 1,000,000 over 10 minutes
    /// (docs/performance.md, "Data generator").
    /// </summary>
    private static async Task ForgetStatisticsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            command.CommandText = "PRAGMA busy_timeout = 10000; DELETE FROM sqlite_stat1";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Drops the Products table's triggers or indexes (<paramref name="type"/>) and returns their SQL, to make them again
    /// after the load. The indexes SQLite makes for the table's own key have no SQL and stay.
    /// </summary>
    private static async Task<List<string>> SetAsideAsync(SqliteConnection connection, SqliteTransaction transaction, string type, CancellationToken cancellationToken)
    {
        var found = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = $type AND tbl_name = 'Products' AND sql IS NOT NULL";
            list.Parameters.AddWithValue("$type", type);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await ExecuteAsync(connection, transaction, found.Select(t => $"DROP {type.ToUpperInvariant()} \"{t.Name}\"").ToList(), cancellationToken);
        return found.Select(t => t.Sql).ToList();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>One generated product; <see cref="Category"/> is an index into the generator's categories.</summary>
    internal sealed record Row(
        Guid Id, string Name, string Sku, string SearchKey, string? Description, long PriceCents, int Stock, int Status,
        int? Category, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt, string? DeletedBy);

    /// <summary>Product number <paramref name="n"/> of a run; the first <paramref name="trashed"/> are in the trash.</summary>
    internal static Row NextRow(Random random, DateTimeOffset now, string run, int n, int trashed)
    {
        var brand = Brands[random.Next(Brands.Length)];
        var product = Products[random.Next(Products.Length)];
        var createdAt = now.AddMinutes(-random.Next(0, 60 * 24 * 365));
        var id = Guid.CreateVersion7(createdAt);
        var name = $"{brand} {Adjectives[random.Next(Adjectives.Length)]} {product} {random.Next(100, 9999)} {Colours[random.Next(Colours.Length)]}";
        var sku = $"{brand[..3].ToUpperInvariant()}-{run}-{n:D7}";
        var description = random.Next(4) == 0 ? null : $"{product} by {brand}.";
        var price = PriceCents(random);
        var stock = random.Next(20) == 0 ? random.Next(0, 5) : random.Next(5, 500);
        // About 10 % drafts and 5 % archived, the rest on sale.
        var status = random.Next(20) switch { 0 or 1 => 0, 2 => 2, _ => 1 };
        int? category = random.Next(20) == 0 ? null : random.Next(CategoryNames.Length);
        var updatedAt = createdAt.AddMinutes(random.Next(0, 60 * 24 * 30));
        // The first products generated are the trashed ones, each moved there at some minute of the last 30 days.
        var inTrash = n < trashed;
        DateTimeOffset? deletedAt = inTrash ? now.AddMinutes(-random.Next(0, 60 * 24 * 30)) : null;
        return new Row(id, name, sku, ProductSearchText.KeyOf(name, sku), description, price, stock, status, category,
            createdAt, updatedAt, deletedAt, inTrash ? "editor@example.com" : null);
    }

    // Mostly everyday prices, some expensive ones, many ending in .99: like a real shop.
    private static long PriceCents(Random random) => random.Next(10) switch
    {
        0 => random.Next(100_00, 3_000_00),
        < 4 => random.Next(1, 100) * 100 + 99,
        _ => random.Next(1_00, 500_00),
    };
}
