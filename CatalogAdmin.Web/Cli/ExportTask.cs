using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using MediatR;

namespace CatalogAdmin.Web.Cli;

/// <summary>
/// `dotnet run --project CatalogAdmin.Web -- export FILE [--search TEXT] [--status S] [--category NAME]`: the products
/// the list would show for that search and filters, by name, as the list's CSV. Exit code 0, or 1 for bad arguments.
/// </summary>
internal static class ExportTask
{
    public const string Usage =
        "Usage: CatalogAdmin.Web export <file.csv> [--search TEXT] [--status Draft|Active|Archived] [--category NAME]   (the file must not exist yet)";

    public static async Task<int> RunAsync(CatalogDatabaseSettings database, string[] args, TextWriter output, TextWriter error)
    {
        if (Parse(args) is not { } request)
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }

        if (File.Exists(request.Path))
        {
            await error.WriteLineAsync($"{request.Path} already exists; choose a new file name.");
            return 1;
        }

        await using var services = CommandLineCore.Create(database);
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        Guid? categoryId = null;
        if (request.Category is { } categoryName)
        {
            var categories = await sender.Send(new ListCategoriesQuery());
            categoryId = categories.FirstOrDefault(c => CategoryRules.Key(c.Name) == CategoryRules.Key(categoryName))?.Id;
            if (categoryId is null)
            {
                await error.WriteLineAsync($"There is no category named “{categoryName}”.");
                return 1;
            }
        }

        var filter = new ProductFilter(request.Search, request.Status, categoryId);
        var counted = new CountingRows();
        try
        {
            await using var file = new FileStream(request.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await ProductCsv.WriteAsync(counted.Count(sender.CreateStream(new ExportProductsQuery(filter))), file, CancellationToken.None);
        }
        catch (RequestValidationException invalid)
        {
            File.Delete(request.Path);
            await error.WriteLineAsync(string.Join(" ", invalid.Errors.SelectMany(e => e.Value)));
            return 1;
        }

        await output.WriteLineAsync($"Exported {counted.Rows:N0} products to {Path.GetFullPath(request.Path)}");
        return 0;
    }

    private sealed record ExportRequest(string Path, string? Search, ProductStatus? Status, string? Category);

    private static ExportRequest? Parse(string[] args)
    {
        if (args is not ["export", var path, .. var options] || path.StartsWith("--", StringComparison.Ordinal) || options.Length % 2 != 0)
        {
            return null;
        }

        var request = new ExportRequest(path, null, null, null);
        for (var i = 0; i < options.Length; i += 2)
        {
            var value = options[i + 1];
            switch (options[i])
            {
                case "--search" when request.Search is null:
                    request = request with { Search = value };
                    break;
                case "--status" when request.Status is null && Enum.TryParse<ProductStatus>(value, ignoreCase: true, out var status)
                                                              && Enum.IsDefined(status) && !int.TryParse(value, out _):
                    request = request with { Status = status };
                    break;
                case "--category" when request.Category is null:
                    request = request with { Category = value };
                    break;
                default:
                    return null;
            }
        }

        return request;
    }

    private sealed class CountingRows
    {
        public int Rows { get; private set; }

        public async IAsyncEnumerable<ProductExportRow> Count(IAsyncEnumerable<ProductExportRow> rows)
        {
            await foreach (var row in rows)
            {
                Rows++;
                yield return row;
            }
        }
    }
}
