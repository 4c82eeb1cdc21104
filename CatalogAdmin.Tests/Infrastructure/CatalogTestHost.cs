using CatalogAdmin.Core;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Staff;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CatalogAdmin.Tests.Infrastructure;

/// <summary>
/// Core as the app runs it — AddCatalogCore, MediatR's pipeline, real SQLite — on a temporary database
/// file of its own, migrated on start and deleted on dispose. Requests go through <see cref="ISender"/>
/// from a fresh scope, as a Blazor circuit would send them, signed in as <see cref="User"/> (an Admin
/// unless a test says otherwise).
/// </summary>
public sealed class CatalogTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CatalogTestHost(ServiceProvider services, string databaseFile, CatalogDatabaseSettings database, TestCurrentUser user, CapturedLogs logs, FakeTimeProvider clock)
    {
        _services = services;
        DatabaseFile = databaseFile;
        Database = database;
        User = user;
        Logs = logs;
        Clock = clock;
    }

    /// <summary>The SQLite file (unused, and never created, on PostgreSQL).</summary>
    public string DatabaseFile { get; }

    /// <summary>The database the host runs on: SQLite unless the test class runs on PostgreSQL.</summary>
    public CatalogDatabaseSettings Database { get; }

    public bool OnPostgreSql => Database.IsPostgreSql;

    public string ConnectionString => Database.ConnectionString;

    public TestCurrentUser User { get; }

    public CapturedLogs Logs { get; }

    /// <summary>The host's clock, moved by hand, so timestamps are exact and ordered.</summary>
    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    /// <param name="configure">Extra registrations; gets the services and the database's connection string.</param>
    /// <param name="databaseFile">An existing database file to start on (migrated as the app would, and deleted on dispose); a new one if null.</param>
    /// <param name="postgreSql">A PostgreSQL database to run on instead of SQLite (emptied first).</param>
    /// <param name="sharedWith">Another host whose PostgreSQL database this one uses as it is: a second app instance.</param>
    public static async Task<CatalogTestHost> StartAsync(
        Action<IServiceCollection, string>? configure = null, bool seedDemoData = false, string? databaseFile = null,
        PostgreSqlTestDatabase? postgreSql = null, CatalogTestHost? sharedWith = null)
    {
        databaseFile ??= NewDatabaseFile();
        var database = sharedWith?.Database
            ?? (postgreSql is null ? CatalogDatabaseSettings.Sqlite($"Data Source={databaseFile}") : await postgreSql.ResetAsync());

        var user = new TestCurrentUser();
        var logs = new CapturedLogs();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(clock);
        services.AddCatalogCore(database);
        configure?.Invoke(services, database.ConnectionString);
        services.AddSingleton<ICurrentUser>(user); // last, so it wins over any the configured services bring
        if (services.Last(s => s.ServiceType == typeof(IStaffDirectory)).ImplementationType == typeof(NoStaffDirectory))
        {
            // No real accounts store (Identity) configured: the test's own user is the one active account.
            services.AddSingleton<IStaffDirectory>(new TestStaffDirectory(user));
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new CatalogTestHost(provider, databaseFile, database, user, logs, clock);
        await provider.InitializeCatalogDatabaseAsync(seedDemoData, TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>A path for a database file of its own in the tests' temporary folder (the file is not created).</summary>
    public static string NewDatabaseFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "catalogadmin-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, TestContext.Current.CancellationToken);
    }

    public async Task SendAsync(IRequest request)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends a request whose type the caller only knows at run time (e.g. from a list of requests).</summary>
    public async Task<object?> SendUntypedAsync(object request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A context on the same file, for arranging data directly and asserting what is stored.</summary>
    public CatalogDbContext OpenDb() => _services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabaseFile + suffix);
        }
    }
}

/// <summary>
/// The signed-in user of a test host; change it to act as another role or nobody, or, for requests sent at the same
/// time by different people, wrap each in <see cref="ActingAs"/>.
/// </summary>
public sealed class TestCurrentUser : ICurrentUser
{
    private static readonly AsyncLocal<(string Id, string Name, string[] Roles)?> Acting = new();
    private string[] _roles = [Roles.Admin];
    private bool _isAuthenticated = true;
    private string? _id = "admin@example.com";
    private string? _name = "admin@example.com";

    public bool IsAuthenticated => Acting.Value is not null || _isAuthenticated;

    /// <summary>The account id; the sign-in name unless a test that uses real accounts sets the account's id.</summary>
    public string? Id
    {
        get => Acting.Value?.Id ?? _id;
        set => _id = value;
    }

    public string? Name => Acting.Value?.Name ?? _name;

    public bool IsInRole(string role) => IsAuthenticated && (Acting.Value?.Roles ?? _roles).Contains(role);

    /// <summary>Until disposed, requests sent from this async flow come from this account.</summary>
    public static IDisposable ActingAs(string id, string name, params string[] roles)
    {
        Acting.Value = (id, name, roles);
        return new EndActing();
    }

    private sealed class EndActing : IDisposable
    {
        public void Dispose() => Acting.Value = null;
    }

    public void SignInAs(string name, params string[] roles)
    {
        _isAuthenticated = true;
        _id = _name = name;
        _roles = roles;
    }

    public void SignOut()
    {
        _isAuthenticated = false;
        _id = _name = null;
        _roles = [];
    }
}

/// <summary>
/// The accounts store of a Core-only test host: the test's signed-in user is the one account, active in its roles, so
/// the check before every command passes for them and fails for anyone else.
/// </summary>
public sealed class TestStaffDirectory(TestCurrentUser user) : IStaffDirectory
{
    /// <summary>What the store says of the signed-in account, when a test makes it differ from the user's claims.</summary>
    public StaffAccess? StoredAccess { get; set; }

    public Task<StaffAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(user.IsAuthenticated && user.Id == userId
            ? StoredAccess ?? new StaffAccess(Roles.All.FirstOrDefault(user.IsInRole) ?? string.Empty, IsActive: true)
            : null);

    public Task<IReadOnlyList<StaffMemberDto>> ListAsync(CancellationToken cancellationToken) => throw NotHere();

    public Task<StaffMemberDto?> FindAsync(string userId, CancellationToken cancellationToken) => throw NotHere();

    public Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken) => throw NotHere();

    public Task<string> CreateAsync(string email, string displayName, string role, string password, bool mustChangePassword, CancellationToken cancellationToken) =>
        throw NotHere();

    /// <summary>The display names this store knows, by email; a test adds the ones it needs.</summary>
    public Dictionary<string, string> DisplayNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(
            emails.Where(DisplayNames.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(e => e, e => DisplayNames[e], StringComparer.OrdinalIgnoreCase));

    public Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken) => throw NotHere();

    public Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken) => throw NotHere();

    public Task SetPasswordAsync(string userId, string password, bool mustChangePassword, CancellationToken cancellationToken) => throw NotHere();

    public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) => throw NotHere();

    public Task InWriteTransactionAsync(Func<IStaffDirectory, Task> change, CancellationToken cancellationToken) => change(this);

    private static NotSupportedException NotHere() => new("Staff management needs the Identity store: use a host with AddStaffIdentity.");
}
