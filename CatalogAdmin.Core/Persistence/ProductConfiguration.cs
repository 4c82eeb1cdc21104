using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CatalogAdmin.Core.Persistence;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("Products");
        product.HasKey(p => p.Id);
        product.Property(p => p.Id).ValueGeneratedNever();
        product.Ignore(p => p.Fields);

        // NOCASE: the list sorts "apple" next to "Apple", and the index serves that order.
        product.Property(p => p.Name).HasMaxLength(ProductRules.NameMaxLength).UseCollation("NOCASE").IsRequired();
        product.Property(p => p.Sku).HasMaxLength(ProductRules.SkuMaxLength).UseCollation("NOCASE").IsRequired();
        product.Property(p => p.Description).HasMaxLength(ProductRules.DescriptionMaxLength);

        // Money as integer cents: SQLite sorts, filters and sums it exactly (a decimal column cannot be
        // ordered by EF Core on SQLite, and a REAL column loses cents). Prices never have more than 2 decimals.
        product.Property(p => p.Price)
            .HasColumnName("PriceCents")
            .HasConversion(price => (long)(price * 100m), cents => cents / 100m);

        product.Property(p => p.Version).IsConcurrencyToken();

        // Every sortable list column has an index ending in the Id tie-break, in the list's own order.
        product.HasIndex(p => p.Sku).IsUnique();
        product.HasIndex(p => new { p.Name, p.Id });
        product.HasIndex(p => new { p.Price, p.Id });
        product.HasIndex(p => new { p.Stock, p.Id });
        product.HasIndex(p => new { p.UpdatedAt, p.Id });
    }
}
