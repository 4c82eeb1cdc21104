extern alias web;
using BenchmarkDotNet.Attributes;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Staff;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using web::CatalogAdmin.Web.Identity;

namespace CatalogAdmin.Benchmarks;

/// <summary>
/// What the account check before every command costs: the same trivial request through the whole pipeline as a
/// command (the pipeline asks the staff accounts, stored by Identity in SQLite, whether the sender is still active in
/// a role that allows it) and as a query (no check), and the check alone.
/// </summary>
[MemoryDiagnoser]
public class AccountCheckBenchmarks
{
    private const string AdminEmail = "benchmark.admin@example.com";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"catalogadmin-bench-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;
    private IStaffDirectory _staff = null!;
    private string _adminId = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connectionString = $"Data Source={_file}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CatalogAdmin:Admin:Email"] = AdminEmail,
            ["CatalogAdmin:Admin:Password"] = "Benchmark-Admin-Passphrase-2026",
        }).Build();
        var user = new SignedInAdmin();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddCatalogCore(connectionString);
        services.AddStaffIdentity(connectionString);
        services.AddSingleton<ICurrentUser>(user);
        services.AddTransient<IRequestHandler<TouchCommand>, TouchHandler>();
        services.AddTransient<IRequestHandler<TouchQuery>, TouchHandler>();
        _services = services.BuildServiceProvider();

        await _services.InitializeCatalogDatabaseAsync(seedDemoData: false);
        await _services.InitializeStaffAsync(configuration);
        _staff = _services.GetRequiredService<IStaffDirectory>();
        _adminId = (await _staff.ListAsync(CancellationToken.None)).Single(s => s.Email == AdminEmail).Id;
        user.Id = _adminId;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    [Benchmark(Baseline = true, Description = "Query through the pipeline (no account check)")]
    public async Task WithoutCheck()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TouchQuery());
    }

    [Benchmark(Description = "Command through the pipeline (account checked in the store)")]
    public async Task WithCheck()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TouchCommand());
    }

    [Benchmark(Description = "The account check alone (IStaffDirectory.GetAccessAsync)")]
    public Task<StaffAccess?> CheckAlone() => _staff.GetAccessAsync(_adminId, CancellationToken.None);

    private sealed class SignedInAdmin : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public string? Id { get; set; }

        public string? Name => AdminEmail;

        public bool IsInRole(string role) => role == Roles.Admin;
    }
}

/// <summary>A command that does nothing itself, so the benchmark measures the pipeline and its account check.</summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record TouchCommand : IRequest, ICommand;

/// <summary>The same, as a query: the pipeline without the account check.</summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record TouchQuery : IRequest;

internal sealed class TouchHandler : IRequestHandler<TouchCommand>, IRequestHandler<TouchQuery>
{
    public Task Handle(TouchCommand request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task Handle(TouchQuery request, CancellationToken cancellationToken) => Task.CompletedTask;
}
