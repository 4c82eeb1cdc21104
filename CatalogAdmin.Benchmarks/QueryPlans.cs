using System.Data.Common;
using System.Diagnostics;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CatalogAdmin.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project CatalogAdmin.Benchmarks -- plans [1000000]`: sends the filtered lists of
/// <see cref="FilteredListBenchmarks"/> (and the plain searches) once each on the generated catalog and prints, for every
/// SQL statement a request runs, SQLite's EXPLAIN QUERY PLAN with the statement's own parameters.
/// </summary>
internal static class QueryPlans
{
    public static async Task<int> RunAsync(int products)
    {
        await using var catalog = await CatalogFixture.OpenAsync(products);
        var category = FilteredListBenchmarks.FirstCategory(catalog.ConnectionString);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());

        (string Name, object Request)[] requests =
        [
            ("Status Draft, by name", List(new ProductFilter(Status: ProductStatus.Draft))),
            ("Status Archived, by price desc", List(new ProductFilter(Status: ProductStatus.Archived), ProductSortField.Price, true)),
            ("Status Active, by updated desc", List(new ProductFilter(Status: ProductStatus.Active), ProductSortField.UpdatedAt, true)),
            ("Category, by name", List(new ProductFilter(CategoryId: category))),
            ("Category, by price desc", List(new ProductFilter(CategoryId: category), ProductSortField.Price, true)),
            ("Category + Draft, by name", List(new ProductFilter(Status: ProductStatus.Draft, CategoryId: category))),
            ("Category + Archived, by SKU", List(new ProductFilter(Status: ProductStatus.Archived, CategoryId: category), ProductSortField.Sku)),
            ("Category + Active, by stock", List(new ProductFilter(Status: ProductStatus.Active, CategoryId: category), ProductSortField.Stock)),
            ("No category, by name", List(new ProductFilter(Uncategorized: true))),
            ("Low stock, by name", List(new ProductFilter(LowStock: true))),
            ("Low stock + Draft, by price", List(new ProductFilter(Status: ProductStatus.Draft, LowStock: true), ProductSortField.Price)),
            ("Category + low stock, by status", List(new ProductFilter(CategoryId: category, LowStock: true), ProductSortField.Status)),
            ("Search 'graphite' + Active", List(new ProductFilter("graphite", Status: ProductStatus.Active))),
            ("Search 'graphite' + Draft", List(new ProductFilter("graphite", Status: ProductStatus.Draft))),
            ("Search 'ireless' + Draft", List(new ProductFilter("ireless", Status: ProductStatus.Draft))),
            ("Search 'maple pro' + Active", List(new ProductFilter("maple pro", Status: ProductStatus.Active))),
            ("Search 'graphite' + category", List(new ProductFilter("graphite", CategoryId: category))),
            ("Search 'maple pro' + category", List(new ProductFilter("maple pro", CategoryId: category))),
            ("Search 'ireless' + low stock", List(new ProductFilter("ireless", LowStock: true))),
            ("Search 'ac' + Draft", List(new ProductFilter("ac", Status: ProductStatus.Draft))),
            ("Search 'wireless pro' + Active", List(new ProductFilter("wireless pro", Status: ProductStatus.Active))),
            ("Search 'graphite' + no category, by price desc", List(new ProductFilter("graphite", Uncategorized: true), ProductSortField.Price, true)),
            ("Search 'graphite'", List(new ProductFilter("graphite"))),
            ("Search 'ireless'", List(new ProductFilter("ireless"))),
            ("Search 'ac'", List(new ProductFilter("ac"))),
            ("Search 'maple pro'", List(new ProductFilter("maple pro"))),
            ("Search 'wireless pro'", List(new ProductFilter("wireless pro"))),
            ("Categories page", new ListCategoriesQuery()),
        ];

        foreach (var (name, request) in requests)
        {
            Console.WriteLine($"## {name}");
            var timer = Stopwatch.StartNew();
            var result = await catalog.Sender.Send(request);
            Console.WriteLine(result is PagedResult<ProductListItem> page
                ? $"-- {page.Items.Count} rows, total {page.TotalCount}{(page.TotalIsLowerBound ? "+" : string.Empty)}, {timer.Elapsed.TotalMilliseconds:N1} ms (one cold run)"
                : $"-- {timer.Elapsed.TotalMilliseconds:N1} ms (one cold run)");
            Console.WriteLine();
        }

        return 0;
    }

    private static ListProductsQuery List(ProductFilter filter, ProductSortField sortBy = ProductSortField.Name, bool descending = false) =>
        new(filter, sortBy, descending, PageSize: 50);

    private static void PrintPlan(DbCommand command)
    {
        Console.WriteLine(string.Join(' ', command.CommandText.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())));
        using var explain = command.Connection!.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            explain.Parameters.Add(copy);
        }

        using var reader = explain.ExecuteReader();
        var depth = new Dictionary<long, int> { [0] = 0 };
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var parent = reader.GetInt64(1);
            depth[id] = depth.GetValueOrDefault(parent) + 1;
            Console.WriteLine($"{new string(' ', 2 * depth[id])}{reader.GetString(3)}");
        }
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new CommandObserver());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class CommandObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
                && !data.Command.CommandText.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
            {
                PrintPlan(data.Command);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
