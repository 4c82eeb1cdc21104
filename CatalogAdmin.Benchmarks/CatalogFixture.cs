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
    private CatalogFixture(ServiceProvider services, string connectionString)
    {
        Services = services;
        ConnectionString = connectionString;
        Sender = services.GetRequiredService<ISender>();
    }

    public ServiceProvider Services { get; }

    public string ConnectionString { get; }

    public ISender Sender { get; }

    /// <param name="trashed">How many of the products are in the trash.</param>
    public static async Task<CatalogFixture> OpenAsync(int products, int trashed = 0)
    {
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
        return new CatalogFixture(services, connectionString);
    }

    /// <summary>An id that exists, from the middle of the catalog.</summary>
    public Guid SomeProductId(int offset)
    {
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
