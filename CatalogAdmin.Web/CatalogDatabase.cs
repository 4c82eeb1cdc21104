namespace CatalogAdmin.Web;

/// <summary>Where the catalog's SQLite file lives.</summary>
internal static class CatalogDatabase
{
    /// <summary>
    /// ConnectionStrings:Catalog (environment: ConnectionStrings__Catalog) when set; otherwise
    /// App_Data/catalog.db under the app's content root.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetConnectionString("Catalog") is { Length: > 0 } configured
            ? configured
            : $"Data Source={Path.Combine(environment.ContentRootPath, "App_Data", "catalog.db")}";
}
