using CatalogAdmin.Core;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Tests.Persistence;

public sealed class MigrationTests
{
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
