using CatalogAdmin.Core.Persistence;

namespace CatalogAdmin.Web.Cli;

/// <summary>`dotnet run --project CatalogAdmin.Web -- backup &lt;file&gt;`: a consistent copy while the app may be running.</summary>
internal static class BackupTask
{
    public const string PostgreSqlBackupAdvice =
        "The catalog is on PostgreSQL: back it up with PostgreSQL's own tools, e.g. pg_dump --format=custom --file=catalog.dump <database> " +
        "(restore with pg_restore), or the server's continuous archiving. The backup command copies SQLite files only; nothing was written.";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            Console.Error.WriteLine("Usage: CatalogAdmin.Web backup <file>   (the file must not exist yet)");
            return 2;
        }

        if (services.GetRequiredService<CatalogDatabaseSettings>().IsPostgreSql)
        {
            Console.Error.WriteLine(PostgreSqlBackupAdvice);
            return 1;
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
