using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Components.Pages.Products;
using Microsoft.Extensions.DependencyInjection;
using static CatalogAdmin.Tests.Components.ProductEditorPageTests;

namespace CatalogAdmin.Tests.Components;

/// <summary>The product form's price reading, conflicts, saves without changes, unsaved-changes prompt and live banner.</summary>
public sealed class ProductFormBehaviourTests : MudBunitContext
{
    private static readonly ProductDto Existing = TestProducts.Laptop; // Dell XPS 15, $1,999.99, 7 in stock, version 3

    [Fact]
    public void A_comma_decimal_is_refused_next_to_the_price_and_a_good_price_says_what_will_be_saved()
    {
        Sender.Answer<CreateProductCommand, Guid>(_ => Guid.NewGuid());
        var page = RenderWithProviders<ProductEditorPage>();
        FillValid(page);

        Fill(page, "Price", "12,5");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(
            "In a price “,” only separates thousands, as in 1,234.50. For cents use “.”, as in 12.50.", PriceControl(page).TextContent));
        Assert.Empty(Sender.SentOf<CreateProductCommand>());

        Fill(page, "Price", "12.5");
        page.WaitForAssertion(() => Assert.Contains("Will be saved as $12.50", PriceControl(page).TextContent));
        Fill(page, "Price", "$12");
        page.WaitForAssertion(() => Assert.Contains("Will be saved as $12.00", PriceControl(page).TextContent));
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(12m, Assert.Single(Sender.SentOf<CreateProductCommand>()).Fields.Price));
    }

    [Fact]
    public void In_de_de_a_comma_is_the_decimal_and_a_point_that_is_not_thousands_is_refused()
    {
        Services.AddSingleton(new CatalogCulture("de-DE", "EUR"));
        Sender.Answer<CreateProductCommand, Guid>(_ => Guid.NewGuid());
        var page = RenderWithProviders<ProductEditorPage>();
        FillValid(page);

        Fill(page, "Price", "12.5");
        page.WaitForAssertion(() => Assert.Contains("In a price “.” only separates thousands", PriceControl(page).TextContent));
        Fill(page, "Price", "12,5");
        page.WaitForAssertion(() => Assert.Contains("Will be saved as 12,50", PriceControl(page).TextContent));
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(12.50m, Assert.Single(Sender.SentOf<CreateProductCommand>()).Fields.Price));
    }

    [Fact]
    public void Save_mine_over_theirs_sends_only_my_changes_on_top_of_the_latest_values()
    {
        // They changed Stock 7 → 3 and the description; I changed Name and Price.
        var theirs = Existing with { Fields = Existing.Fields with { Stock = 3, Description = "Their text." }, Version = Existing.Version + 1 };
        var page = OpenEditorWithConflict(theirs);
        Fill(page, "Name", "Dell XPS 15 (2026)");
        Fill(page, "Price", "1899.00");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Someone else changed this product", page.Markup));
        Assert.Equal(
            [("Name", "Mine"), ("Description", "Theirs (kept)"), ("Price", "Mine"), ("Stock", "Theirs (kept)")],
            page.FindAll("table tbody tr").Select(row => (row.Children[0].TextContent.Trim(), row.Children[3].TextContent.Trim())));
        Sender.Answer<UpdateProductCommand, long>(command => command.Version + 1);

        ClickButton(page, "Save mine over theirs");

        WaitForAddressEndingWith($"/products/{Existing.Id}");
        Assert.Equal(
            new UpdateProductCommand(Existing.Id, new ProductFields("Dell XPS 15 (2026)", "DELL-XPS15", "Their text.", 1899.00m, 3), theirs.Version),
            Sender.SentOf<UpdateProductCommand>()[^1]);
    }

    [Fact]
    public void A_field_changed_on_both_sides_needs_a_choice_before_saving()
    {
        var theirs = Existing with { Fields = Existing.Fields with { Price = 1799.00m, Stock = 3 }, Version = Existing.Version + 1 };
        var page = OpenEditorWithConflict(theirs);
        Fill(page, "Price", "1899.00");
        Fill(page, "Description", "My text.");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("choose which value to keep", page.Markup));
        Assert.True(Button(page, "Save mine over theirs").HasAttribute("disabled"));
        Sender.Answer<UpdateProductCommand, long>(command => command.Version + 1);

        var priceRow = page.FindAll("table tbody tr").Single(row => row.Children[0].TextContent.Trim() == "Price");
        Assert.Contains("Both", priceRow.TextContent);
        priceRow.QuerySelectorAll("input[type=radio]")[0].Click(); // "Theirs"
        page.WaitForAssertion(() => Assert.False(Button(page, "Save mine over theirs").HasAttribute("disabled")));
        ClickButton(page, "Save mine over theirs");

        WaitForAddressEndingWith($"/products/{Existing.Id}");
        Assert.Equal(
            new UpdateProductCommand(Existing.Id, new ProductFields("Dell XPS 15", "DELL-XPS15", "My text.", 1799.00m, 3), theirs.Version),
            Sender.SentOf<UpdateProductCommand>()[^1]);
    }

    [Fact]
    public void Reload_latest_values_says_it_worked()
    {
        var theirs = Existing with { Fields = Existing.Fields with { Price = 1799.00m }, Version = Existing.Version + 1 };
        var page = OpenEditorWithConflict(theirs);
        Fill(page, "Stock", "99");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Someone else changed this product", page.Markup));

        ClickButton(page, "Reload latest values");

        page.WaitForAssertion(() => Assert.Contains(
            "The form now shows the latest saved values (version 4). Your unsaved changes were discarded.", page.Find("[role=status]").TextContent));
        Assert.Equal("7", FieldInput(page, "Stock").GetAttribute("value"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_save_without_changes_sends_nothing_and_returns_to_details(bool typedAndRestored)
    {
        Sender.Answer<GetProductQuery, ProductDto?>(_ => Existing);
        var page = RenderWithProviders<ProductEditorPage>(p => p.Add(x => x.Id, Existing.Id.ToString()));
        page.WaitForAssertion(() => Assert.Equal("Dell XPS 15", FieldInput(page, "Name").GetAttribute("value")));
        if (typedAndRestored)
        {
            Fill(page, "Name", "Dell XPS 15 ");
            Fill(page, "Price", "1,999.990");
        }

        page.Find("form").Submit();

        WaitForAddressEndingWith($"/products/{Existing.Id}");
        Assert.Empty(Sender.SentOf<UpdateProductCommand>());
        Assert.Empty(Providers.FindAll(".mud-dialog")); // nothing unsaved to ask about
    }

    [Fact]
    public void Cancel_with_changes_asks_first_and_keeps_them_unless_discarded()
    {
        var page = OpenEditor();
        var start = Navigation.Uri;
        Fill(page, "Stock", "5");

        ClickButton(page, "Cancel");
        Providers.WaitForAssertion(() => Assert.Contains("You changed Stock and did not save.", Providers.Find(".mud-dialog").TextContent));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Keep editing").Click();
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Equal(start, Navigation.Uri);
        Assert.Equal("5", FieldInput(page, "Stock").GetAttribute("value"));

        ClickButton(page, "Cancel");
        Providers.WaitForAssertion(() => Providers.Find(".mud-dialog"));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Discard changes").Click();

        WaitForAddressEndingWith($"/products/{Existing.Id}");
    }

    [Fact]
    public void Cancel_without_real_changes_leaves_at_once()
    {
        var page = OpenEditor();
        Fill(page, "Stock", "6");
        Fill(page, "Stock", "7"); // back to what it was

        ClickButton(page, "Cancel");

        WaitForAddressEndingWith($"/products/{Existing.Id}");
        Assert.Empty(Providers.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task A_save_by_someone_else_shows_who_changed_it_and_reload_takes_the_latest_values()
    {
        var theirs = Existing with { Fields = Existing.Fields with { Name = "Dell XPS 15 OLED" }, Version = Existing.Version + 1 };
        var page = OpenEditor();
        Sender.Answer<GetProductQuery, ProductDto?>(_ => theirs);

        await page.InvokeAsync(() => Broadcaster.BroadcastAsync(
            new ProductUpdatedNotification(Existing.Id, Existing.Fields, theirs.Fields, DateTimeOffset.UtcNow) { ChangedBy = "ana@example.com" }));

        page.WaitForAssertion(() => Assert.Contains("Changed by ana@example.com a moment ago.", page.Find("[data-testid=changed-elsewhere]").TextContent));
        ClickButton(page, "Reload");
        page.WaitForAssertion(() => Assert.Equal("Dell XPS 15 OLED", FieldInput(page, "Name").GetAttribute("value")));
        Assert.Contains("The form now shows the latest saved values (version 4).", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=changed-elsewhere]"));
    }

    [Fact]
    public void A_duplicate_sku_links_the_product_that_has_it()
    {
        var holder = Guid.NewGuid();
        Sender.Throw<CreateProductCommand>(_ => new RequestValidationException("Sku", "SKU LOGI-MX3S is already used by “MX Master”."));
        Sender.Answer<FindProductBySkuQuery, SkuHolder?>(_ => new SkuHolder(holder, "MX Master"));
        var page = RenderWithProviders<ProductEditorPage>();
        FillValid(page);

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal($"products/{holder}", page.FindAll("a").Single(a => a.TextContent.Contains("Open “MX Master”")).GetAttribute("href")));
        Assert.Equal(new FindProductBySkuQuery("logi-mx3s", null), Assert.Single(Sender.SentOf<FindProductBySkuQuery>()));
        Assert.Contains("SKU LOGI-MX3S is already used by “MX Master”.", page.Markup);
    }

    private IRenderedComponent<ProductEditorPage> OpenEditor()
    {
        Sender.Answer<GetProductQuery, ProductDto?>(_ => Existing);
        Navigation.NavigateTo($"products/{Existing.Id}/edit");
        var page = RenderWithProviders<ProductEditorPage>(p => p.Add(x => x.Id, Existing.Id.ToString()));
        page.WaitForAssertion(() => Assert.Equal("Dell XPS 15", FieldInput(page, "Name").GetAttribute("value")));
        return page;
    }

    /// <summary>The editor on <see cref="Existing"/>; its first save conflicts with <paramref name="theirs"/>.</summary>
    private IRenderedComponent<ProductEditorPage> OpenEditorWithConflict(ProductDto theirs)
    {
        var reads = 0;
        Sender.Answer<GetProductQuery, ProductDto?>(_ => reads++ == 0 ? Existing : theirs);
        Sender.Throw<UpdateProductCommand>(command => new ConcurrencyConflictException("Product", command.Id));
        Navigation.NavigateTo($"products/{Existing.Id}/edit");
        var page = RenderWithProviders<ProductEditorPage>(p => p.Add(x => x.Id, Existing.Id.ToString()));
        page.WaitForAssertion(() => Assert.Equal("Dell XPS 15", FieldInput(page, "Name").GetAttribute("value")));
        return page;
    }

    private static AngleSharp.Dom.IElement PriceControl(IRenderedComponent<ProductEditorPage> page) =>
        FieldInput(page, "Price").Closest(".mud-input-control")!;

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ProductEditorPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static void ClickButton(IRenderedComponent<ProductEditorPage> page, string text) => Button(page, text).Click();

    private static void FillValid(IRenderedComponent<ProductEditorPage> page)
    {
        Fill(page, "Name", "Logitech MX Master 3S");
        Fill(page, "SKU", "logi-mx3s");
        Fill(page, "Price", "99.99");
        Fill(page, "Stock", "12");
    }

    private static void Fill(IRenderedComponent<ProductEditorPage> page, string label, string value) => FieldInput(page, label).Input(value);

    /// <summary>
    /// Waits until the address ends with <paramref name="end"/>. The form navigates after a dialog closes or a save
    /// returns, which need not render the form again, so a render-driven wait could check once too early and never
    /// again; the address itself is watched instead (an event handler missed the navigation now and then).
    /// </summary>
    private void WaitForAddressEndingWith(string end) => Assert.True(
        SpinWait.SpinUntil(() => Navigation.Uri.EndsWith(end, StringComparison.Ordinal), TimeSpan.FromSeconds(30)),
        $"The form did not go to …{end}; the address is {Navigation.Uri}.");
}
