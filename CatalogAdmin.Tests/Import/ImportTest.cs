using System.Collections.Concurrent;
using System.Text;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Tests.Import;

/// <summary>Base of the import and export tests: a host of its own per test, with the batch notifications recorded and files built in the test.</summary>
public abstract class ImportTest : IAsyncLifetime
{
    private CatalogTestHost? _host;

    protected CatalogTestHost Host => _host ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    protected ConcurrentQueue<ProductsImportedNotification> Imported { get; } = new();

    protected ConcurrentQueue<IProductChangeNotification> ProductChanges { get; private set; } = new();

    /// <summary>The PostgreSQL database to run on; null (SQLite) unless a PostgreSQL variant says otherwise.</summary>
    protected virtual PostgreSqlTestDatabase? PostgreSql => null;

    public async ValueTask InitializeAsync()
    {
        _host = await CatalogTestHost.StartAsync((services, _) =>
        {
            services.AddSingleton(Imported);
            services.AddTransient<INotificationHandler<ProductsImportedNotification>, ImportRecorder>();
            ProductChanges = NotificationRecorder.AddTo(services).Published;
        }, postgreSql: PostgreSql);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A file's bytes: UTF-8 with a byte-order mark unless told otherwise, lines as given.</summary>
    protected static MemoryStream File(string text, bool byteOrderMark = true)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(byteOrderMark ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    protected static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    protected Task<ImportPreview> PreviewAsync(Stream file) => Host.SendAsync(new PreviewProductImportQuery(file));

    protected Task<ImportPreview> PreviewAsync(string text) => PreviewAsync(File(text));

    protected async Task<ImportResult> ImportAsync(string text)
    {
        var preview = await PreviewAsync(text);
        return await Host.SendAsync(new ApplyProductImportCommand(File(text), preview));
    }

    protected async Task<byte[]> ExportAsync(ExportProductsQuery query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<ISender>().CreateStream(query, TestContext.Current.CancellationToken);
        using var output = new MemoryStream();
        await ProductCsv.WriteAsync(rows, output, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    protected async Task<ProductFields> FieldsOfAsync(string sku)
    {
        var list = await Host.SendAsync(new ListProductsQuery(new ProductFilter(Search: sku)));
        var id = Assert.Single(list.Items, p => p.Sku == sku).Id;
        return (await Host.SendAsync(new GetProductQuery(id)))!.Fields;
    }

    protected static ProductFields Fields(string sku, string name = "Desk lamp", decimal price = 19.99m, int stock = 5, string? description = "A lamp.") =>
        new(name, sku, description, price, stock);

    private sealed class ImportRecorder(ConcurrentQueue<ProductsImportedNotification> imported) : INotificationHandler<ProductsImportedNotification>
    {
        public Task Handle(ProductsImportedNotification notification, CancellationToken cancellationToken)
        {
            imported.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
