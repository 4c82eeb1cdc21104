using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CatalogAdmin.Core.Persistence;

/// <summary>The database the catalog lives in: <c>Catalog:Provider</c>.</summary>
public enum CatalogProvider
{
    /// <summary>One file beside the app (the default): nothing to set up.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several app instances sharing one catalog.</summary>
    PostgreSQL,
}

/// <summary>Which database and where: <c>Catalog:Provider</c> and <c>ConnectionStrings:Catalog</c>.</summary>
public sealed record CatalogDatabaseSettings(CatalogProvider Provider, string ConnectionString)
{
    public static CatalogDatabaseSettings Sqlite(string connectionString) => new(CatalogProvider.Sqlite, connectionString);

    public static CatalogDatabaseSettings PostgreSql(string connectionString) => new(CatalogProvider.PostgreSQL, connectionString);

    public bool IsPostgreSql => Provider == CatalogProvider.PostgreSQL;

    /// <summary>Reads a <c>Catalog:Provider</c> value ("Sqlite" when missing), refusing anything else with a clear message.</summary>
    public static CatalogProvider ParseProvider(string? value) =>
        string.IsNullOrWhiteSpace(value) ? CatalogProvider.Sqlite
        : Enum.TryParse<CatalogProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
        : throw new InvalidOperationException($"Catalog:Provider is '{value}': use Sqlite or PostgreSQL.");
}

public static class CatalogDatabaseFacadeExtensions
{
    /// <summary>Whether this context talks to PostgreSQL (otherwise SQLite): the few places where the SQL differs ask this.</summary>
    public static bool IsPostgreSql(this DatabaseFacade database) => database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
