using CatalogAdmin.Core;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Staff;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Benchmarks;

/// <summary>
/// A catalog of N generated products, made once and kept under BenchmarkDotNet.Artifacts/catalogs/, with
/// Core wired as the app wires it (MediatR pipeline, one context per request), signed in as an Admin.
/// </summary>
public sealed class CatalogFixture : IAsyncDisposable
{
    private CatalogFixture(ServiceProvider services, CatalogDatabaseSettings database)
    {
        Services = services;
        Database = database;
        ConnectionString = database.ConnectionString;
        Sender = services.GetRequiredService<ISender>();
    }

    public ServiceProvider Services { get; }

    public string ConnectionString { get; }

    public CatalogDatabaseSettings Database { get; }

    /// <summary>
    /// The provider switch: with CATALOGADMIN_BENCH_POSTGRES set to a server's connection string without a database
    /// (e.g. "Host=127.0.0.1;Port=5432;Username=postgres"), the catalogs are databases on that server
    /// (catalog_&lt;N&gt;), generated on first use like the SQLite files.
    /// </summary>
    public static string? PostgreSqlServer => Environment.GetEnvironmentVariable("CATALOGADMIN_BENCH_POSTGRES") is { Length: > 0 } server ? server : null;

    public ISender Sender { get; }

    /// <param name="trashed">How many of the products are in the trash.</param>
    /// <summary>
    /// Copies a catalog file for a run that changes it, and waits until the copy is on disk: otherwise the kernel writes
    /// the copy's 1.8 GB back while the first timed action runs, and that action's figure is the copy's.
    /// </summary>
    public static void CopyToDisk(string source, string destination)
    {
        File.Copy(source, destination);
        using var copy = new FileStream(destination, FileMode.Open, FileAccess.ReadWrite);
        copy.Flush(flushToDisk: true);
    }

    public static async Task<CatalogFixture> OpenAsync(int products, int trashed = 0)
    {
        if (PostgreSqlServer is { } server)
        {
            return await OpenPostgreSqlAsync(server, products, trashed);
        }

        var folder = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", "catalogs"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, trashed == 0 ? $"catalog-{products}.db" : $"catalog-{products}-trashed-{trashed}.db");
        var fresh = !File.Exists(file);
        var fixture = await OpenFileAsync(file, seedDemoData: false);
        if (fresh)
        {
            var result = await CatalogGenerator.GenerateAsync(fixture.ConnectionString, products, trashed: trashed);
            Console.WriteLine($"// Generated {products:N0} products ({trashed:N0} in the trash) in {result.Elapsed.TotalSeconds:N1} s into {file}");
        }

        return fixture;
    }

    /// <summary>A catalog file, created and migrated if it is new; an empty one gets the app's demo products if asked.</summary>
    public static async Task<CatalogFixture> OpenFileAsync(string file, bool seedDemoData)
    {
        var connectionString = $"Data Source={file}";
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddCatalogCore(connectionString)
            .AddSingleton<ICurrentUser, BenchmarkUser>()
            .AddSingleton<IStaffDirectory, BenchmarkStaff>()
            .BuildServiceProvider();

        await services.InitializeCatalogDatabaseAsync(seedDemoData);
        return new CatalogFixture(services, CatalogDatabaseSettings.Sqlite(connectionString));
    }

    private static async Task<CatalogFixture> OpenPostgreSqlAsync(string server, int products, int trashed)
    {
        var name = trashed == 0 ? $"catalog_{products}" : $"catalog_{products}_trashed_{trashed}";
        await using (var admin = new Npgsql.NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var exists = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", admin);
            exists.Parameters.AddWithValue(name);
            if ((long)(await exists.ExecuteScalarAsync())! > 0)
            {
                var database = CatalogDatabaseSettings.PostgreSql($"{server};Database={name}");
                return new CatalogFixture(await StartAsync(database, seedDemoData: false), database);
            }

            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var fresh = CatalogDatabaseSettings.PostgreSql($"{server};Database={name};Command Timeout=600");
        var fixture = new CatalogFixture(await StartAsync(fresh, seedDemoData: false), fresh);
        var result = await CatalogGenerator.GenerateAsync(fresh, products, trashed: trashed);
        Console.WriteLine($"// Generated {products:N0} products ({trashed:N0} in the trash) in {result.Elapsed.TotalSeconds:N1} s into PostgreSQL database {name}");
        return fixture;
    }

    private static async Task<ServiceProvider> StartAsync(CatalogDatabaseSettings database, bool seedDemoData)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddCatalogCore(database)
            .AddSingleton<ICurrentUser, BenchmarkUser>()
            .AddSingleton<IStaffDirectory, BenchmarkStaff>()
            .BuildServiceProvider();
        await services.InitializeCatalogDatabaseAsync(seedDemoData);
        return services;
    }

    /// <summary>An id that exists, from the middle of the catalog.</summary>
    public Guid SomeProductId(int offset)
    {
        if (Database.IsPostgreSql)
        {
            using var db = Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CatalogDbContext>>().CreateDbContext();
            return db.Products.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Skip(offset).Select(p => p.Id).First();
        }

        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Products ORDER BY rowid LIMIT 1 OFFSET $offset";
        command.Parameters.AddWithValue("$offset", offset);
        return Guid.Parse((string)command.ExecuteScalar()!);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private sealed class BenchmarkUser : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public string? Id => "benchmark";

        public string? Name => "benchmark@example.com";

        public bool IsInRole(string role) => role == Roles.Admin;
    }

    /// <summary>The benchmark's one account, an active Admin, for the check before every command.</summary>
    private sealed class BenchmarkStaff : IStaffDirectory
    {
        public Task<StaffAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult<StaffAccess?>(userId == "benchmark" ? new StaffAccess(Roles.Admin, IsActive: true) : null);

        public Task<IReadOnlyList<StaffMemberDto>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StaffMemberDto?> FindAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> CreateAsync(string email, string displayName, string role, string password, bool mustChangePassword, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

        public Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetPasswordAsync(string userId, string password, bool mustChangePassword, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task InWriteTransactionAsync(Func<IStaffDirectory, Task> change, CancellationToken cancellationToken) => change(this);
    }
}
