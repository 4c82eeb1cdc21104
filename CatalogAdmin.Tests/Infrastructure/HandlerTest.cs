using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Infrastructure;

/// <summary>
/// Base of handler tests: a fresh <see cref="CatalogTestHost"/> (own SQLite file) per test. A PostgreSQL variant of a
/// test class derives from it, overriding <see cref="PostgreSql"/> with its class's database, and runs the same tests there.
/// </summary>
public abstract class HandlerTest : IAsyncLifetime
{
    private CatalogTestHost? _host;

    protected CatalogTestHost Host => _host ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    protected NotificationRecorder Notifications { get; private set; } = null!;

    /// <summary>The PostgreSQL database to run on; null (SQLite) unless a PostgreSQL variant says otherwise.</summary>
    protected virtual PostgreSqlTestDatabase? PostgreSql => null;

    public async ValueTask InitializeAsync()
    {
        _host = await CatalogTestHost.StartAsync((services, _) => Notifications = NotificationRecorder.AddTo(services), postgreSql: PostgreSql);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    protected static ProductFields ValidFields(string sku = "ABC-123", string name = "Desk lamp", decimal price = 19.99m, int stock = 5) =>
        new(name, sku, "A lamp for the desk.", price, stock);

    protected static CreateProductCommand ValidCreate(string sku = "ABC-123", string name = "Desk lamp", decimal price = 19.99m, int stock = 5) =>
        new(ValidFields(sku, name, price, stock));

    protected Task<Guid> CreateAsync(string sku = "ABC-123", string name = "Desk lamp", decimal price = 19.99m, int stock = 5) =>
        Host.SendAsync(ValidCreate(sku, name, price, stock));

    /// <summary>A product's version as stored, in the trash too (where the app's own requests do not find it).</summary>
    protected async Task<long> StoredVersionAsync(Guid id)
    {
        await using var db = Host.OpenDb();
        return await db.Products.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A product's row as the database returns it, column by column, in the storage types of the database.</summary>
    protected async Task<Dictionary<string, object?>> StoredColumnsAsync(Guid id)
    {
        await using var db = Host.OpenDb();
        var products = db.Model.FindEntityType(typeof(Product))!;
        var idColumn = products.FindProperty(nameof(Product.Id))!.GetColumnName();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{products.GetTableName()}\" WHERE \"{idColumn}\" = @id";
        var parameter = products.FindProperty(nameof(Product.Id))!.GetRelationalTypeMapping().CreateParameter(command, "@id", id);
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }
}
