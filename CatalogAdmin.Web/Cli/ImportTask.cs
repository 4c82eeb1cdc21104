using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Import;
using MediatR;

namespace CatalogAdmin.Web.Cli;

/// <summary>
/// `dotnet run --project CatalogAdmin.Web -- import FILE [--dry-run]`: previews the file, prints every error as
/// "row R, COLUMN: message" and then the counts, and (without --dry-run) applies the valid rows. Exit code 0 when no
/// row has errors, 2 when some do, 1 for bad arguments or a file that is no import.
/// </summary>
internal static class ImportTask
{
    public const string Usage = "Usage: CatalogAdmin.Web import <file.csv> [--dry-run]";

    public static async Task<int> RunAsync(CatalogDatabaseSettings database, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["import", var path, .. var options] || options.Any(o => o != "--dry-run") || options.Length > 1 || path.StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"No such file: {path}");
            await error.WriteLineAsync(Usage);
            return 1;
        }

        var dryRun = options.Length == 1;
        await using var services = CommandLineCore.Create(database);
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        try
        {
            var preview = await sender.Send(new PreviewProductImportQuery(file));
            foreach (var problem in preview.Errors)
            {
                await output.WriteLineAsync($"row {problem.Row}, {problem.Column}: {problem.Message}");
            }

            if (!dryRun && preview.ToWrite > 0)
            {
                var result = await sender.Send(new ApplyProductImportCommand(file, preview));
                foreach (var conflict in result.Conflicts)
                {
                    await output.WriteLineAsync($"row {conflict.Row}, SKU: {conflict.Message}");
                }
            }

            await output.WriteLineAsync(preview.Summary);
            return preview.RowsWithErrors == 0 ? 0 : 2;
        }
        catch (RequestValidationException invalid)
        {
            await error.WriteLineAsync(string.Join(" ", invalid.Errors.SelectMany(e => e.Value)));
            return 1;
        }
    }
}
