using CatalogAdmin.Core.Common;
using CatalogAdmin.Core.Common.Behaviours;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Persistence.PostgreSql;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Staff;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CatalogAdmin.Core;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the catalog's database and MediatR with every use case: one scan of this assembly finds all request
    /// handlers, notification handlers and validators. The host adds its own parts: the current user, the staff
    /// directory, and notification handlers of its own (<see cref="AddProductChangeHandler{THandler}"/>).
    /// </summary>
    public static IServiceCollection AddCatalogCore(this IServiceCollection services, string connectionString) =>
        services.AddCatalogCore(CatalogDatabaseSettings.Sqlite(connectionString));

    /// <inheritdoc cref="AddCatalogCore(IServiceCollection, string)"/>
    public static IServiceCollection AddCatalogCore(this IServiceCollection services, CatalogDatabaseSettings database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database.ConnectionString);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, NobodySignedIn>();
        services.TryAddScoped<IStaffDirectory, NoStaffDirectory>();
        services.AddSingleton(database);
        if (database.IsPostgreSql)
        {
            services.AddDbContextFactory<CatalogDbContext, PostgreSqlCatalogDbContextFactory>(options => options.UseNpgsql(database.ConnectionString));
        }
        else
        {
            services.AddDbContextFactory<CatalogDbContext>(options => options
                .UseSqlite(database.ConnectionString)
                .AddInterceptors(new SqlitePragmas()));
        }

        services.AddMediatR(config =>
        {
            config.RegisterServicesFromAssembly(typeof(DependencyInjection).Assembly);
            config.NotificationPublisherType = typeof(ResilientNotificationPublisher);
            // Order matters: every request is logged, and who may ask is settled before what they asked is examined.
            config.AddOpenBehavior(typeof(LoggingBehaviour<,>));
            config.AddOpenBehavior(typeof(AuthorizationBehaviour<,>));
            config.AddOpenBehavior(typeof(ValidationBehaviour<,>));
            config.AddOpenStreamBehavior(typeof(StreamRequestGuard<,>));
        });

        AddRequestValidators(services);
        services.AddScoped<TrashRetention>();
        return services;
    }

    /// <summary>
    /// Adds a notification handler of the host's (a toast, a live update) for every product change. Handlers are
    /// called in the order they were added, so Core's own (the activity log) run first.
    /// </summary>
    public static IServiceCollection AddProductChangeHandler<THandler>(this IServiceCollection services)
        where THandler : ProductChangeHandler
    {
        foreach (var contract in typeof(THandler).GetInterfaces()
                     .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)))
        {
            services.AddTransient(contract, typeof(THandler));
        }

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
        var sqlite = !db.Database.IsPostgreSql();

        if (sqlite)
        {
            PrepareDataFolder(db.Database.GetConnectionString());
            await db.Database.MigrateAsync(cancellationToken);

            // WAL lets readers continue while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
        else
        {
            // Several instances may start at once: EF Core's migrator locks the database while it migrates.
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (seedDemoData && !await db.Products.AnyAsync(cancellationToken))
        {
            // Under the write lock and asked again: another instance starting at the same moment may have seeded.
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            if (!await db.Products.AnyAsync(cancellationToken))
            {
                var (categories, products) = DemoCatalog.Create(services.GetRequiredService<TimeProvider>().GetUtcNow());
                db.Categories.AddRange(categories);
                await db.SaveChangesAsync(cancellationToken);
                db.Products.AddRange(products);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (!sqlite)
        {
            return;
        }

        // Lets SQLite's planner know how selective each index is (e.g. that a status matches most products), so a
        // filtered page walks the sort's index instead of sorting every match. 0x10002 checks every table, not only
        // those this connection queried (SQLite's advice for a connection just opened); the analysis limit keeps it
        // to a sample, so start-up stays quick on a million products.
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;", cancellationToken);
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

    private static void AddRequestValidators(IServiceCollection services)
    {
        var validators =
            from type in typeof(DependencyInjection).Assembly.GetTypes()
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
