using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Persistence;

/// <summary>The catalog on SQLite (its migrations in Persistence/Migrations); <see cref="PostgreSql.PostgreSqlCatalogDbContext"/> on PostgreSQL.</summary>
public class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<ProductHistoryEntry> ProductHistory => Set<ProductHistoryEntry>();

    public DbSet<UndoneBatch> UndoneBatches => Set<UndoneBatch>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);

        // Registered on every connection by SqlitePragmas (SQLite); a SQL function on PostgreSQL (PostgreSqlCatalogSql).
        modelBuilder.HasDbFunction(typeof(ProductSearchText).GetMethod(nameof(ProductSearchText.HasWordStartingWith))!).HasName("catalog_has_word");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or ORDER BY DateTimeOffset text; UTC ticks in an INTEGER column sort exactly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
