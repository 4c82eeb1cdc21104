using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CatalogAdmin.Tests.Components;

/// <summary>
/// The products list's search field: the search goes once typing pauses, the clear button empties it at once, and the
/// field shows the search of the address. Time is a <see cref="FakeTimeProvider"/>, moved by hand.
/// </summary>
public sealed class ProductSearchFieldTests : MudBunitContext
{
    private readonly FakeTimeProvider _time = new();

    public ProductSearchFieldTests()
    {
        Services.AddSingleton<TimeProvider>(_time);
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(q => new([], 0, q.Page, q.PageSize));
        Sender.Answer<ListCategoriesQuery, IReadOnlyList<CategoryDto>>(_ => []);
    }

    [Fact]
    public void The_search_goes_once_typing_pauses_and_only_the_last_text()
    {
        var page = RenderedList();

        SearchField(page).Input("ca");
        _time.Advance(TimeSpan.FromMilliseconds(200));
        SearchField(page).Input("cable ");
        _time.Advance(ProductFilters.SearchPause - TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(Sender.SentOf<ListProductsQuery>(), q => q.EffectiveFilter.Search is not null);

        _time.Advance(TimeSpan.FromMilliseconds(1));

        page.WaitForAssertion(() => Assert.Equal("cable", Sender.SentOf<ListProductsQuery>()[^1].EffectiveFilter.Search));
        Assert.Single(Sender.SentOf<ListProductsQuery>(), q => q.EffectiveFilter.Search is not null);
        Assert.EndsWith("products?q=cable", Navigation.Uri);
        Assert.Equal("cable ", SearchField(page).GetAttribute("value")); // the user's own text, trailing space and all
    }

    [Fact]
    public void Clear_empties_the_field_and_shows_every_product_at_once()
    {
        Navigation.NavigateTo("products?q=lamp");
        var page = RenderedList();
        Assert.Equal("lamp", SearchField(page).GetAttribute("value"));

        page.Find(".filter-search button[aria-label='Clear']").Click();

        page.WaitForAssertion(() => Assert.Equal(ProductFilter.All, Sender.SentOf<ListProductsQuery>()[^1].EffectiveFilter));
        Assert.Equal("", SearchField(page).GetAttribute("value"));
        Assert.Empty(page.FindAll(".filter-search button[aria-label='Clear']"));
        Assert.EndsWith("products", Navigation.Uri);
    }

    [Fact]
    public void Going_back_to_another_search_shows_it_in_the_field()
    {
        var page = RenderedList();
        Assert.Empty(page.FindAll(".filter-search button[aria-label='Clear']"));

        Navigation.NavigateTo("products?q=mug");

        page.WaitForAssertion(() => Assert.Equal("mug", SearchField(page).GetAttribute("value")));
        Assert.Equal("mug", Sender.SentOf<ListProductsQuery>()[^1].EffectiveFilter.Search);
        Assert.NotNull(page.Find(".filter-search button[aria-label='Clear']"));
    }

    private IRenderedComponent<ProductsPage> RenderedList()
    {
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Sender.SentOf<ListProductsQuery>()));
        return page;
    }

    private static AngleSharp.Dom.IElement SearchField(IRenderedComponent<ProductsPage> page) =>
        ProductEditorPageTests.FieldInput(page, "Search");
}
