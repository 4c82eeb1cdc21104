using CatalogAdmin.Core.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CatalogAdmin.Web;

/// <summary>
/// Turns a database that cannot be opened at start-up into one clear line naming the file and what to do,
/// instead of a stack trace. The file is left as it was.
/// </summary>
internal static class StartupFailure
{
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;
    private const int SqliteReadOnly = 8;
    private const int SqliteCorrupt = 11;
    private const int SqliteIoError = 10;

    public static string? Describe(Exception exception, CatalogDatabaseSettings database)
    {
        if (database.IsPostgreSql)
        {
            return DescribePostgreSql(exception, database.ConnectionString);
        }

        var connectionString = database.ConnectionString;
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var cause = Unwrap(exception);
        return cause switch
        {
            CatalogDatabaseReadOnlyException readOnly =>
                $"CatalogAdmin cannot start: {readOnly.Path} is read-only, and the catalog needs to write there. Nothing was changed. Make it writable by this user (chmod u+w), or set ConnectionStrings__Catalog to another path.",
            SqliteException { SqliteErrorCode: SqliteNotADatabase } =>
                $"CatalogAdmin cannot start: {file} is not a SQLite database. Nothing was changed. Move that file away or set ConnectionStrings__Catalog to another path.",
            SqliteException { SqliteErrorCode: SqliteCorrupt } =>
                $"CatalogAdmin cannot start: the database {file} is damaged. Nothing was changed. Restore a backup (see README) or set ConnectionStrings__Catalog to another path.",
            SqliteException { SqliteErrorCode: SqliteReadOnly } =>
                $"CatalogAdmin cannot start: the database {file} is read-only. Make the file and its folder writable by this user, or set ConnectionStrings__Catalog to another path.",
            SqliteException { SqliteErrorCode: SqliteCantOpen or SqliteIoError } or IOException or UnauthorizedAccessException =>
                $"CatalogAdmin cannot start: the database {file} cannot be opened or created ({cause.Message.TrimEnd('.')}). Make its folder exist and be writable by this user, or set ConnectionStrings__Catalog to another path.",
            _ => null,
        };
    }

    /// <summary>A server that cannot be reached or refuses the app: one line naming the server, never the password.</summary>
    private static string? DescribePostgreSql(Exception exception, string connectionString)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException cause)
            {
                var server = new NpgsqlConnectionStringBuilder(connectionString);
                return $"CatalogAdmin cannot start: the PostgreSQL database {server.Database} on {server.Host}:{server.Port} cannot be used ({cause.Message.TrimEnd('.')}). Check ConnectionStrings__Catalog and that the server is running.";
            }
        }

        return null;
    }

    private static Exception Unwrap(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException or IOException or UnauthorizedAccessException)
            {
                return current;
            }
        }

        return exception;
    }
}
