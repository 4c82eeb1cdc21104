using CatalogAdmin.Core.Persistence;

namespace CatalogAdmin.Web.Cli;

/// <summary>`dotnet run --project CatalogAdmin.Web -- seed-demo 100000`: adds N generated products, to try the app with a big catalog.</summary>
internal static class SeedDemoTask
{
    public static async Task<int> RunAsync(CatalogDatabaseSettings database, string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[1], out var count) || count is < 1 or > 10_000_000)
        {
            Console.Error.WriteLine("Usage: CatalogAdmin.Web seed-demo <count>   (1 to 10,000,000 products)");
            return 2;
        }

        var progress = new Progress<int>(done => Console.Write($"\r{done:N0} of {count:N0} products"));
        var result = await CatalogGenerator.GenerateAsync(database, count, seed: Environment.TickCount, progress: progress);
        Console.WriteLine();
        Console.WriteLine($"Added {result.Created:N0} products in {result.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }
}
