using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Core.Persistence;

public static class CatalogBackup
{
    /// <summary>
    /// Writes a consistent copy of the whole database (catalog, activity log, staff accounts) to
    /// <paramref name="targetFile"/> with SQLite's VACUUM INTO, while the app keeps running: the copy is
    /// one read transaction's snapshot, so it holds every change committed before it began.
    /// </summary>
    public static async Task BackupCatalogAsync(this IServiceProvider services, string targetFile, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(targetFile);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; choose a new file name so no backup is overwritten.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var dbFactory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(cancellationToken);

        // VACUUM may renumber Products' rowids, which the search indexes refer to: rebuild them in the copy.
        await using var copy = new SqliteConnection($"Data Source={target};Pooling=False");
        await copy.OpenAsync(cancellationToken);
        await using var rebuild = copy.CreateCommand();
        rebuild.CommandText = ProductSearchIndexes.RebuildSql;
        await rebuild.ExecuteNonQueryAsync(cancellationToken);
    }
}
