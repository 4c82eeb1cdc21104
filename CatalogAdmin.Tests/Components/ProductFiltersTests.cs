using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;

namespace CatalogAdmin.Tests.Components;

/// <summary>The list's filters beside the search: each asks for the matching query and writes itself into the URL.</summary>
public sealed class ProductFiltersTests : MudBunitContext
{
    private static readonly CategoryDto Mugs = new(Guid.Parse("0195f0a0-0000-7000-8000-0000000000a1"), "Mugs", 12);
    private static readonly CategoryDto Cables = new(Guid.Parse("0195f0a0-0000-7000-8000-0000000000a2"), "Cables", 3);

    public ProductFiltersTests()
    {
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(q => new([], 0, q.Page, q.PageSize));
        Sender.Answer<ListCategoriesQuery, IReadOnlyList<CategoryDto>>(_ => [Cables, Mugs]);
    }

    [Theory]
    [InlineData("Draft", ProductStatus.Draft, "draft")]
    [InlineData("Active", ProductStatus.Active, "active")]
    [InlineData("Archived", ProductStatus.Archived, "archived")]
    public void Choosing_a_status_asks_for_it_and_puts_it_in_the_url(string option, ProductStatus status, string key)
    {
        var page = RenderedList();

        Choose(page, "Status", option);

        AssertAskedFor(page, new ProductFilter(Status: status));
        Assert.EndsWith($"products?status={key}", Navigation.Uri);
    }

    [Fact]
    public void Choosing_a_category_asks_for_it_and_puts_its_id_in_the_url()
    {
        var page = RenderedList();

        Choose(page, "Category", "Mugs");

        AssertAskedFor(page, new ProductFilter(CategoryId: Mugs.Id));
        Assert.EndsWith($"products?category={Mugs.Id}", Navigation.Uri);
    }

    [Fact]
    public void Choosing_no_category_asks_for_products_without_one()
    {
        var page = RenderedList();

        Choose(page, "Category", "No category");

        AssertAskedFor(page, new ProductFilter(Uncategorized: true));
        Assert.EndsWith("products?category=none", Navigation.Uri);
    }

    [Fact]
    public void Ticking_low_stock_asks_for_it_and_unticking_asks_for_everything_again()
    {
        var page = RenderedList();

        page.Find(".product-filters input[type=checkbox]").Change(true);
        AssertAskedFor(page, new ProductFilter(LowStock: true));
        Assert.EndsWith("products?low=true", Navigation.Uri);

        page.Find(".product-filters input[type=checkbox]").Change(false);
        page.WaitForAssertion(() => Assert.Equal(ProductFilter.All, Sender.SentOf<ListProductsQuery>()[^1].EffectiveFilter));
        Assert.EndsWith("products", Navigation.Uri);
    }

    [Fact]
    public void Filters_combine_with_the_search_and_with_each_other_and_start_again_at_page_one()
    {
        Navigation.NavigateTo("products?q=lamp&page=3");
        var page = RenderedList();

        Choose(page, "Status", "Draft");
        AssertAskedFor(page, new ProductFilter("lamp", Status: ProductStatus.Draft));
        Choose(page, "Category", "Cables");
        AssertAskedFor(page, new ProductFilter("lamp", ProductStatus.Draft, Cables.Id));
        page.Find(".product-filters input[type=checkbox]").Change(true);
        AssertAskedFor(page, new ProductFilter("lamp", ProductStatus.Draft, Cables.Id, LowStock: true));

        Assert.EndsWith($"products?q=lamp&status=draft&category={Cables.Id}&low=true", Navigation.Uri);
        Assert.Equal(1, Sender.SentOf<ListProductsQuery>()[^1].Page);
    }

    [Fact]
    public void Filters_in_the_url_are_asked_for_and_shown_in_the_controls()
    {
        Navigation.NavigateTo($"products?q=mug&status=archived&category={Mugs.Id}&low=true&sort=status&desc=true");

        var page = RenderedList();

        Assert.Equal(
            new ListProductsQuery(new ProductFilter("mug", ProductStatus.Archived, Mugs.Id, LowStock: true), ProductSortField.Status, true, 1, 25),
            Sender.SentOf<ListProductsQuery>()[0]);
        page.WaitForAssertion(() => Assert.Equal("Archived", SelectText(page, "Status")));
        Assert.Equal("Mugs", SelectText(page, "Category"));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.Find(".product-filters input[type=checkbox]")).IsChecked);
    }

    [Theory]
    [InlineData("products?status=sold&category=mugs&low=maybe")]
    [InlineData("products?status=&category=&low=")]
    [InlineData("products?status=DRAFTS&category=00000000-0000-0000-0000&low=1")]
    public void Filter_values_in_the_url_that_mean_nothing_fall_back_to_no_filter(string address)
    {
        Navigation.NavigateTo(address);

        RenderedList();

        Assert.Equal(ProductFilter.All, Sender.SentOf<ListProductsQuery>()[0].EffectiveFilter);
    }

    [Fact]
    public void Filter_keys_in_the_url_ignore_case()
    {
        Navigation.NavigateTo($"products?status=DRAFT&category=NONE&low=True");

        RenderedList();

        Assert.Equal(new ProductFilter(Status: ProductStatus.Draft, Uncategorized: true, LowStock: true), Sender.SentOf<ListProductsQuery>()[0].EffectiveFilter);
    }

    [Fact]
    public void The_category_filter_offers_every_category_and_none()
    {
        var page = RenderedList();

        page.WaitForAssertion(() => Assert.Equal(
            ["Any", "No category", "Cables", "Mugs"],
            Select(page, "Category").QuerySelectorAll("option").Select(o => o.TextContent.Trim())));
    }

    private IRenderedComponent<ProductsPage> RenderedList()
    {
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Sender.SentOf<ListProductsQuery>()));
        page.WaitForAssertion(() => Assert.NotEmpty(Sender.SentOf<ListCategoriesQuery>()));
        return page;
    }

    private void AssertAskedFor(IRenderedComponent<ProductsPage> page, ProductFilter filter) =>
        page.WaitForAssertion(() =>
        {
            var last = Sender.SentOf<ListProductsQuery>()[^1];
            Assert.Equal(filter, last.EffectiveFilter);
            Assert.Equal(1, last.Page);
        });

    /// <summary>Chooses the option with this text in the select with this label, as a user would.</summary>
    private static void Choose(IRenderedComponent<ProductsPage> page, string label, string option)
    {
        page.WaitForAssertion(() => Assert.Contains(Select(page, label).QuerySelectorAll("option"), o => o.TextContent.Trim() == option));
        var select = Select(page, label);
        select.Change(select.QuerySelectorAll("option").Single(o => o.TextContent.Trim() == option).GetAttribute("value"));
    }

    /// <summary>What the select shows: the text of the option its value names.</summary>
    private static string? SelectText(IRenderedComponent<ProductsPage> page, string label)
    {
        var select = Select(page, label);
        var value = select.GetAttribute("value") ?? "";
        return select.QuerySelectorAll("option").FirstOrDefault(o => (o.GetAttribute("value") ?? "") == value)?.TextContent.Trim();
    }

    /// <summary>The filter's &lt;select&gt;, found by its label.</summary>
    private static AngleSharp.Dom.IElement Select(IRenderedComponent<ProductsPage> page, string label)
    {
        var id = page.FindAll(".product-filters label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return page.Find($".product-filters select#{id}");
    }
}
