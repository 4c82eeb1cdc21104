using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Tests.Persistence;

public sealed class MigrationTests
{
    /// <summary>The last migration before product status and categories.</summary>
    private const string BeforeCatalogV2 = "20261123062616_ProductSearchIndex";

    /// <summary>The last migration before undone batches had a table of their own.</summary>
    private const string BeforeUndoneBatches = "20261124015356_ListWalkIndexes";

    [Fact]
    public async Task Migrations_create_the_schema_in_an_empty_file_and_the_model_has_no_pending_changes()
    {
        await using var host = await CatalogTestHost.StartAsync();
        await using var db = host.OpenDb();
        var cancellation = TestContext.Current.CancellationToken;

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellation));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add a migration.");
        Assert.Subset(
            (await TablesAsync(host.ConnectionString, cancellation)).ToHashSet(),
            new HashSet<string> { "ActivityLog", "Products", "ProductSearch", "ProductCount" });
        Assert.Equal("wal", await ScalarAsync(host.ConnectionString, "PRAGMA journal_mode", cancellation));
    }

    [Fact]
    public async Task Start_up_creates_a_missing_data_folder_and_seeds_an_empty_catalog_when_asked()
    {
        var folder = Path.Combine(Path.GetTempPath(), "catalogadmin-tests", Guid.NewGuid().ToString("N"), "App_Data");
        try
        {
            var services = new ServiceCollection().AddLogging().AddCatalogCore($"Data Source={Path.Combine(folder, "catalog.db")}");
            await using var provider = services.BuildServiceProvider();

            await provider.InitializeCatalogDatabaseAsync(seedDemoData: true, TestContext.Current.CancellationToken);
            await provider.InitializeCatalogDatabaseAsync(seedDemoData: true, TestContext.Current.CancellationToken);

            await using var db = provider.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContext();
            var count = await db.Products.CountAsync(TestContext.Current.CancellationToken);
            Assert.InRange(count, 18, 25); // seeded once, not twice
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_catalog_from_before_status_and_categories_loses_nothing_and_its_products_become_active_without_a_category()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var file = CatalogTestHost.NewDatabaseFile();
        var start = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        var products = Enumerable.Range(0, 40).Select(i => new OldProduct(
            Guid.CreateVersion7(start.AddMinutes(i)),
            i % 4 == 0 ? $"Desk lamp {i}" : $"Café mug {i}",
            $"OLD-{i:D3}",
            i % 3 == 0 ? null : $"Made before categories, number {i}.\nSecond line.",
            i * 1_234L,
            i % 9,
            start.AddMinutes(i),
            start.AddMinutes(i).AddDays(i % 5),
            1 + i % 3)).ToList();

        // A database as the previous release left it: migrated only that far, with its products and activity log.
        await using (var old = new ServiceCollection().AddLogging().AddCatalogCore($"Data Source={file}").BuildServiceProvider())
        {
            await using var db = await old.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(cancellation);
            await db.GetService<IMigrator>().MigrateAsync(BeforeCatalogV2, cancellation);
            Assert.Equal(BeforeCatalogV2, (await db.Database.GetAppliedMigrationsAsync(cancellation)).Last());
            foreach (var p in products)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO Products (Id, Name, Sku, Description, PriceCents, Stock, CreatedAt, UpdatedAt, Version)
                    VALUES ({Key(p.Id)}, {p.Name}, {p.Sku}, {p.Description}, {p.PriceCents}, {p.Stock}, {p.CreatedAt.UtcTicks}, {p.UpdatedAt.UtcTicks}, {p.Version})
                    """,
                    cancellation);
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO ActivityLog (Kind, ProductId, ProductName, ProductSku, OccurredAt, ChangedBy)
                    VALUES ('Created', {Key(p.Id)}, {p.Name}, {p.Sku}, {p.CreatedAt.UtcTicks}, 'editor@example.com')
                    """,
                    cancellation);
            }

            var gone = Guid.CreateVersion7(start);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO ActivityLog (Kind, ProductId, ProductName, ProductSku, OccurredAt) VALUES ('Deleted', {Key(gone)}, 'Old chair', 'CHAIR-0', {start.AddDays(9).UtcTicks})",
                cancellation);
        }

        SqliteConnection.ClearAllPools();

        // The app starts on it: the pending migrations run, as at every start-up.
        await using var host = await CatalogTestHost.StartAsync(databaseFile: file);
        await using (var db = host.OpenDb())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellation));
            var stored = await db.Products.AsNoTracking().ToListAsync(cancellation);
            Assert.Equal(
                products.Select(p => (p.Id, p.Name, p.Sku, p.Description, p.PriceCents / 100m, p.Stock, p.CreatedAt, p.UpdatedAt, (long)p.Version)).OrderBy(p => p.Id),
                stored.Select(p => (p.Id, p.Name, p.Sku, p.Description, p.Price, p.Stock, p.CreatedAt, p.UpdatedAt, p.Version)).OrderBy(p => p.Id));
            Assert.All(stored, p => Assert.Equal((ProductStatus.Active, (Guid?)null), (p.Status, p.CategoryId)));
        }

        var activity = await host.SendAsync(new ListActivityQuery(PageSize: 100));
        Assert.Equal(products.Count + 1, activity.TotalCount);
        Assert.Equal(("Old chair", false), (activity.Items[0].ProductName, activity.Items[0].ProductExists));
        Assert.Equal(
            products.Select(p => ((Guid?)p.Id, (ProductChangeKind?)ProductChangeKind.Created, p.Name, p.Sku, p.CreatedAt, true, (string?)"editor@example.com")).OrderBy(e => e.Item1),
            activity.Items.Skip(1).Select(e => (e.ProductId, e.Kind, e.ProductName, e.ProductSku, e.OccurredAt, e.ProductExists, e.ChangedBy?.Email)).OrderBy(e => e.ProductId));

        // Search (index and prefix), counts and the new filters see every old product.
        var lamps = products.Where(p => p.Name.StartsWith("Desk lamp", StringComparison.Ordinal)).Select(p => p.Id).Order();
        Assert.Equal(lamps, (await host.SendAsync(new ListProductsQuery(new ProductFilter("lamp"), PageSize: 100))).Items.Select(p => p.Id).Order());
        Assert.Equal(products.Count - lamps.Count(), (await host.SendAsync(new ListProductsQuery(new ProductFilter("CAFÉ MUG")))).TotalCount);
        Assert.Equal(products.Count, (await host.SendAsync(new ListProductsQuery(new ProductFilter("old-"), PageSize: 100))).TotalCount);
        Assert.Equal(products.Count, (await host.SendAsync(new ListProductsQuery())).TotalCount);
        Assert.Equal(products.Count, (await host.SendAsync(new ListProductsQuery(new ProductFilter(Status: ProductStatus.Active)))).TotalCount);
        Assert.Equal(products.Count, (await host.SendAsync(new ListProductsQuery(new ProductFilter(Uncategorized: true)))).TotalCount);
        Assert.Equal(0, (await host.SendAsync(new ListProductsQuery(new ProductFilter(Status: ProductStatus.Draft)))).TotalCount);
        Assert.Empty(await host.SendAsync(new ListCategoriesQuery()));

        // The new counting triggers work on old rows: a category picks up an old product, and gives it back.
        var mugs = await host.SendAsync(new CreateCategoryCommand("Mugs"));
        var mug = await host.SendAsync(new GetProductQuery(products[1].Id));
        await host.SendAsync(new UpdateProductCommand(mug!.Id, mug.Fields with { CategoryId = mugs, Status = ProductStatus.Archived }, mug.Version));
        Assert.Equal([("Mugs", 1)], (await host.SendAsync(new ListCategoriesQuery())).Select(c => (c.Name, c.ProductCount)));
        Assert.Equal(products.Count - 1, (await host.SendAsync(new ListProductsQuery(new ProductFilter(Uncategorized: true)))).TotalCount);
        await host.SendAsync(new DeleteProductCommand(mug.Id));
        Assert.Equal([("Mugs", 0)], (await host.SendAsync(new ListCategoriesQuery())).Select(c => (c.Name, c.ProductCount)));
        Assert.Equal(products.Count - 1, (await host.SendAsync(new ListProductsQuery())).TotalCount);
    }

    [Fact]
    public async Task A_batch_undone_before_undos_were_recorded_stays_undone()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var host = await CatalogTestHost.StartAsync();
        host.User.SignInAs("editor@example.com", Roles.Editor);
        var lamp = await host.SendAsync(new CreateProductCommand(new ProductFields("Desk lamp", "LAMP-1", null, 20m, 3)));
        var bulk = await host.SendAsync(new Core.Bulk.AdjustProductPricesCommand(
            Core.Bulk.BulkSelection.OfIds([lamp]), new Core.Bulk.PriceAdjustment(Core.Bulk.PriceAdjustmentKind.Percent, 10m)));
        await host.SendAsync(new UndoBatchCommand(bulk.BatchId));

        // Back to the schema before undos were recorded (its undo known only from the activity log), and forward again.
        await using (var db = host.OpenDb())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(BeforeUndoneBatches, cancellation);
            Assert.DoesNotContain("UndoneBatches", await TablesAsync(host.ConnectionString, cancellation));
            await migrator.MigrateAsync(cancellationToken: cancellation);
        }

        var entry = Assert.Single((await host.SendAsync(new ListActivityQuery())).Items, e => e.Batch == ActivityBatchKind.Bulk);
        Assert.Equal((true, false), (entry.Undone, entry.CanUndo));
        var again = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(new UndoBatchCommand(bulk.BatchId)));
        Assert.Equal(["This has been undone already."], again.Errors["BatchId"]);
    }

    // EF Core stores a Guid as upper-case text on SQLite; a raw parameter would bind it as a blob.
    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private sealed record OldProduct(
        Guid Id, string Name, string Sku, string? Description, long PriceCents, int Stock, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

    private static async Task<List<string>> TablesAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql, CancellationToken cancellation)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(cancellation))?.ToString();
    }
}
