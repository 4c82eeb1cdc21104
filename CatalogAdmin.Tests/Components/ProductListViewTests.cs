using CatalogAdmin.Core.Products;
using CatalogAdmin.Web.Components.Pages.Products;

namespace CatalogAdmin.Tests.Components;

public sealed class ProductListViewTests
{
    [Theory]
    [InlineData("0", 1)]
    [InlineData("-3", 1)]
    [InlineData("7", 7)]
    [InlineData("abc", 1)]
    [InlineData("99999999999", 1)] // beyond int
    [InlineData(" 2", 1)]
    [InlineData(null, 1)]
    public void Page_below_one_or_not_a_number_becomes_one(string? page, int expected) =>
        Assert.Equal(expected, ProductListView.FromQuery(null, null, null, page, null).Page);

    [Theory]
    [InlineData("0", 25)]
    [InlineData("10000", 25)]
    [InlineData("-1", 25)]
    [InlineData("fifty", 25)]
    [InlineData("50", 50)]
    public void Only_offered_page_sizes_are_used(string size, int expected) =>
        Assert.Equal(expected, ProductListView.FromQuery(null, null, null, null, size).PageSize);

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("maybe", false)]
    [InlineData("1", false)]
    [InlineData(null, false)]
    public void Descending_is_only_true_when_it_says_so(string? descending, bool expected) =>
        Assert.Equal(expected, ProductListView.FromQuery(null, null, descending, null, null).Descending);

    [Theory]
    [InlineData("price", ProductSortField.Price)]
    [InlineData("UPDATED", ProductSortField.UpdatedAt)]
    [InlineData("nope", ProductSortField.Name)]
    [InlineData("Id; DROP TABLE Products", ProductSortField.Name)]
    public void Unknown_sort_fields_sort_by_name(string sort, ProductSortField expected) =>
        Assert.Equal(expected, ProductListView.FromQuery(null, sort, null, null, null).SortBy);

    [Fact]
    public void Default_view_has_a_bare_address_and_others_round_trip()
    {
        Assert.Equal("products", ProductListView.Default.ToUri());
        var view = new ProductListView("a&b", ProductSortField.UpdatedAt, true, 3, 100);
        Assert.Equal("products?q=a%26b&sort=updated&desc=true&page=3&size=100", view.ToUri());
        Assert.Equal(view, ProductListView.FromQuery("a&b", "updated", "true", "3", "100"));
    }
}
