using System.Reflection;
using CatalogAdmin.Core.Common;
using CatalogAdmin.Core.Common.Behaviours;
using CatalogAdmin.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CatalogAdmin.Core;

public static class DependencyInjection
{
    /// <summary>Registers the catalog's database, MediatR with its handlers, validators and pipeline.</summary>
    public static IServiceCollection AddCatalogCore(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, NobodySignedIn>();
        services.AddDbContextFactory<CatalogDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas()));

        services.AddMediatR(config =>
        {
            config.RegisterServicesFromAssembly(typeof(DependencyInjection).Assembly);
            config.NotificationPublisherType = typeof(ResilientNotificationPublisher);
            // Order matters: every request is logged, and who may ask is settled before what they asked is examined.
            config.AddOpenBehavior(typeof(LoggingBehaviour<,>));
            config.AddOpenBehavior(typeof(AuthorizationBehaviour<,>));
            config.AddOpenBehavior(typeof(ValidationBehaviour<,>));
        });

        AddRequestValidators(services, typeof(DependencyInjection).Assembly);
        return services;
    }

    /// <summary>
    /// Registers the MediatR handlers and request validators of another assembly (Web's own requests),
    /// so they run through the same authorization and validation pipeline. Call after AddCatalogCore.
    /// </summary>
    public static IServiceCollection AddCatalogRequestsFrom(this IServiceCollection services, Assembly assembly)
    {
        services.AddMediatR(config => config.RegisterServicesFromAssembly(assembly));
        AddRequestValidators(services, assembly);
        return services;
    }

    /// <summary>
    /// Creates the database file (and its folder) if missing, applies pending migrations, and seeds
    /// demo products when <paramref name="seedDemoData"/> is set and the catalog is empty.
    /// </summary>
    public static async Task InitializeCatalogDatabaseAsync(this IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        PrepareDataFolder(db.Database.GetConnectionString());
        await db.Database.MigrateAsync(cancellationToken);

        // WAL lets readers continue while one writer commits; the setting is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

        if (seedDemoData && !await db.Products.AnyAsync(cancellationToken))
        {
            var clock = services.GetRequiredService<TimeProvider>();
            db.Products.AddRange(DemoCatalog.Create(clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Creates the folder of a file database if missing, and refuses a file or folder marked read-only
    /// before anything is written, even where the operating system would let this user write (root).
    /// </summary>
    private static void PrepareDataFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || connectionString!.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var file = Path.GetFullPath(dataSource);
        if (File.Exists(file) && File.GetAttributes(file).HasFlag(FileAttributes.ReadOnly))
        {
            throw new CatalogDatabaseReadOnlyException(file);
        }

        var folder = Path.GetDirectoryName(file);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        // WAL keeps two files beside the database (-wal, -shm): the folder must be writable too.
        if (new DirectoryInfo(folder).Attributes.HasFlag(FileAttributes.ReadOnly))
        {
            throw new CatalogDatabaseReadOnlyException(folder);
        }
    }

    private static void AddRequestValidators(IServiceCollection services, Assembly assembly)
    {
        var validators =
            from type in assembly.GetTypes()
            where type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
            from contract in type.GetInterfaces()
            where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IRequestValidator<>)
            select (contract, type);

        foreach (var (contract, type) in validators)
        {
            services.AddTransient(contract, type);
        }
    }
}
