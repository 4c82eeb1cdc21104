using CatalogAdmin.Core.Persistence;

namespace CatalogAdmin.Web;

/// <summary>Which database the catalog lives in, and where.</summary>
internal static class CatalogDatabase
{
    /// <summary>
    /// Catalog:Provider (Sqlite, the default, or PostgreSQL) and ConnectionStrings:Catalog (environment:
    /// Catalog__Provider, ConnectionStrings__Catalog). SQLite without a connection string uses App_Data/catalog.db
    /// under the app's content root; PostgreSQL needs one.
    /// </summary>
    public static CatalogDatabaseSettings Settings(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = CatalogDatabaseSettings.ParseProvider(configuration["Catalog:Provider"]);
        var configured = configuration.GetConnectionString("Catalog");
        if (provider == CatalogProvider.PostgreSQL)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException(
                    "Catalog:Provider is PostgreSQL but ConnectionStrings:Catalog is not set, e.g. ConnectionStrings__Catalog=\"Host=db;Database=catalog;Username=catalog;Password=…\".")
                : CatalogDatabaseSettings.PostgreSql(configured);
        }

        return CatalogDatabaseSettings.Sqlite(configured is { Length: > 0 }
            ? configured
            : $"Data Source={Path.Combine(environment.ContentRootPath, "App_Data", "catalog.db")}");
    }
}
