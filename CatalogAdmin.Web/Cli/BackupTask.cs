using CatalogAdmin.Core.Persistence;

namespace CatalogAdmin.Web.Cli;

/// <summary>`dotnet run --project CatalogAdmin.Web -- backup &lt;file&gt;`: a consistent copy while the app may be running.</summary>
internal static class BackupTask
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            Console.Error.WriteLine("Usage: CatalogAdmin.Web backup <file>   (the file must not exist yet)");
            return 2;
        }

        try
        {
            await services.BackupCatalogAsync(args[1]);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"Backup failed: {exception.Message}");
            return 1;
        }

        Console.WriteLine($"Backed up the catalog to {Path.GetFullPath(args[1])}");
        return 0;
    }
}
