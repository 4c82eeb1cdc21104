using CatalogAdmin.Core.Persistence;
using Npgsql;

namespace CatalogAdmin.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL database per test class (a class fixture) on the run's <see cref="PostgreSqlServer"/>: created and
/// migrated for the class's first test, emptied before each later one (every table truncated, the kept count reset,
/// triggers a test added dropped), dropped when the class is done. Much quicker than a database per test.
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    private readonly string _name = $"test_{Guid.NewGuid():N}";
    private PostgreSqlServer? _server;

    public CatalogDatabaseSettings? Settings { get; private set; }

    /// <summary>The class's database, empty, ready for a host to migrate it (only the first time) and use it.</summary>
    public async Task<CatalogDatabaseSettings> ResetAsync()
    {
        if (Settings is null)
        {
            _server = await PostgreSqlServer.RequireAsync();
            Settings = CatalogDatabaseSettings.PostgreSql(await _server.CreateDatabaseAsync(_name));
            return Settings;
        }

        await using var connection = new NpgsqlConnection(Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(EmptySql, connection);
        await command.ExecuteNonQueryAsync();
        return Settings;
    }

    private const string EmptySql = """
        DO $$
        DECLARE
            tables text;
            t record;
        BEGIN
            FOR t IN SELECT tgname, tgrelid::regclass AS tbl FROM pg_trigger
                     WHERE NOT tgisinternal AND tgname <> 'Products_KeepCounts' LOOP
                EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.tbl);
            END LOOP;
            SELECT string_agg(format('%I', tablename), ', ') INTO tables FROM pg_tables
            WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', '__StaffMigrationsHistory', 'ProductCount');
            IF tables IS NOT NULL THEN
                EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
            END IF;
            IF to_regclass('"ProductCount"') IS NOT NULL THEN
                UPDATE "ProductCount" SET "Value" = 0;
            END IF;
        END $$;
        """;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(_name);
        }
    }
}

/// <summary>The PostgreSQL variants of the handler tests: one collection, so they run one class at a time beside the SQLite ones.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection
{
    public const string Name = "PostgreSQL";
}
