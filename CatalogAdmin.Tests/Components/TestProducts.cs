using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Tests.Components;

/// <summary>Canned products for component tests.</summary>
internal static class TestProducts
{
    public static readonly ProductDto Laptop = new(
        Guid.Parse("0195f0a0-0000-7000-8000-000000000001"), new ProductFields("Dell XPS 15", "DELL-XPS15", "A laptop.", 1999.99m, 7), null,
        new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), 3);
}
