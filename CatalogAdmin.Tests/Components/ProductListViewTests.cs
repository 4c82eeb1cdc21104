using CatalogAdmin.Core.Products;
using CatalogAdmin.Web.Components.Pages.Products;

namespace CatalogAdmin.Tests.Components;

public sealed class ProductListViewTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(7, 7)]
    public void Page_below_one_becomes_one(int page, int expected) =>
        Assert.Equal(expected, ProductListView.FromQuery(null, null, null, page, null).Page);

    [Theory]
    [InlineData(0, 25)]
    [InlineData(10_000, 25)]
    [InlineData(50, 50)]
    public void Only_offered_page_sizes_are_used(int size, int expected) =>
        Assert.Equal(expected, ProductListView.FromQuery(null, null, null, null, size).PageSize);

    [Fact]
    public void Default_view_has_a_bare_address_and_others_round_trip()
    {
        Assert.Equal("products", ProductListView.Default.ToUri());
        var view = new ProductListView("a&b", ProductSortField.UpdatedAt, true, 3, 100);
        Assert.Equal("products?q=a%26b&sort=updated&desc=true&page=3&size=100", view.ToUri());
        Assert.Equal(view, ProductListView.FromQuery("a&b", "updated", true, 3, 100));
    }
}
