using CatalogAdmin.Core.Categories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CatalogAdmin.Core.Persistence;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("Categories");
        category.HasKey(c => c.Id);
        category.Property(c => c.Id).ValueGeneratedNever();
        category.Property(c => c.Name).HasMaxLength(CategoryRules.NameMaxLength).UseCollation("NOCASE").IsRequired();
        category.Property(c => c.NormalizedName).HasMaxLength(CategoryRules.NameMaxLength).IsRequired();
        category.HasIndex(c => c.NormalizedName).IsUnique();
        category.HasIndex(c => new { c.Name, c.Id });

        // Kept by triggers on Products (see the CatalogV2 migration); EF Core never writes it.
        category.Property(c => c.ProductCount).HasDefaultValue(0).ValueGeneratedOnAddOrUpdate();
    }
}
