using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CatalogAdmin.Core.Persistence.PostgreSql;

/// <summary>
/// The catalog on PostgreSQL: the same model, with its own migrations (Persistence/PostgreSql/Migrations; EF Core
/// finds a context's migrations by its type). What differs is here: names and SKUs in the "C" collation (byte order,
/// as SQLite compares) and sorted by their ASCII-lowered text as SQLite's NOCASE sorts, in expression indexes
/// (<see cref="PostgreSqlCatalogSql"/>); search through a pg_trgm GIN index on the folded search key.
/// Handlers keep asking for <see cref="CatalogDbContext"/>; <see cref="PostgreSqlCatalogDbContextFactory"/> makes this one.
/// </summary>
public sealed class PostgreSqlCatalogDbContext(DbContextOptions<CatalogDbContext> options) : CatalogDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");

        var product = modelBuilder.Entity<Product>();
        product.Property(p => p.Name).UseCollation("C");
        product.Property(p => p.Sku).UseCollation("C");
        modelBuilder.Entity<Category>().Property(c => c.Name).UseCollation("C");

        // The list sorts names and SKUs by lower("Name"): those indexes are expressions, created in SQL.
        foreach (var index in product.Metadata.GetIndexes().ToList())
        {
            if (!index.IsUnique && index.Properties.Any(p => p.Name is nameof(Product.Name) or nameof(Product.Sku)))
            {
                product.Metadata.RemoveIndex(index);
            }
        }

        // The sort indexes carry no filter columns here: the walk that reads only SQLite's indexes is SQLite's
        // (ProductConfiguration.WalkColumns); PostgreSQL keeps the plain (column, Id) ones.
        foreach (var index in product.Metadata.GetIndexes().Where(i => i.Properties.Count > 2 && i.Properties[1].Name == nameof(Product.Id)).ToList())
        {
            product.Metadata.RemoveIndex(index);
            product.HasIndex(index.Properties[0].Name, nameof(Product.Id));
        }

        product.HasIndex(p => new { p.DeletedAt, p.Id }).HasFilter("\"DeletedAt\" IS NOT NULL");

        // Any part of three characters or more, of live products: LIKE '%…%' on the folded key is served by it.
        product.HasIndex(p => p.SearchKey, "IX_Products_SearchKey_Trigram")
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops")
            .HasFilter("\"DeletedAt\" IS NULL");
    }
}

/// <summary>Gives Core's handlers, which ask for a <see cref="CatalogDbContext"/>, the PostgreSQL one.</summary>
internal sealed class PostgreSqlCatalogDbContextFactory(DbContextOptions<CatalogDbContext> options) : IDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext() => new PostgreSqlCatalogDbContext(options);
}

/// <summary>
/// Lets `dotnet ef migrations add &lt;Name&gt; --context PostgreSqlCatalogDbContext --output-dir Persistence/PostgreSql/Migrations`
/// build the model without a server (nothing connects).
/// </summary>
internal sealed class PostgreSqlCatalogDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCatalogDbContext>
{
    public PostgreSqlCatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
