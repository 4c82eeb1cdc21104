using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CatalogAdmin.Core.Persistence;

internal sealed class UndoneBatchConfiguration : IEntityTypeConfiguration<UndoneBatch>
{
    public void Configure(EntityTypeBuilder<UndoneBatch> batch)
    {
        batch.ToTable("UndoneBatches");

        // The key is what makes an undo happen once: a second row for the same batch cannot be written.
        batch.HasKey(b => b.BatchId);
        batch.Property(b => b.BatchId).ValueGeneratedNever();
        batch.Property(b => b.UndoneBy).HasMaxLength(256);
    }
}
