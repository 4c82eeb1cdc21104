using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;

namespace CatalogAdmin.Tests.Components;

public sealed class ProductEditorPageTests : MudBunitContext
{
    private static readonly ProductDto Existing = TestProducts.Laptop;

    [Fact]
    public void Bad_values_show_messages_under_their_fields_and_send_nothing()
    {
        var page = RenderWithProviders<ProductEditorPage>();

        Fill(page, "Name", "   ");
        Fill(page, "SKU", "a b");
        Fill(page, "Price", "-3.999");
        Fill(page, "Stock", "x");
        page.Find("form").Submit();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Name is required.", page.Markup);
            Assert.Contains("SKU may contain only letters A–Z, digits 0–9 and '-'.", page.Markup);
            Assert.Contains("Price must be between 0 and 1,000,000.", page.Markup);
            Assert.Contains("Stock must be a whole number, for example 12 or 1,234.", page.Markup);
        });
        Assert.DoesNotContain(Sender.Sent, request => request is ICommand); // only the categories were read
    }

    [Fact]
    public void Create_sends_the_typed_values_and_opens_the_new_product()
    {
        var newId = Guid.NewGuid();
        Sender.Answer<CreateProductCommand, Guid>(_ => newId);
        var page = RenderWithProviders<ProductEditorPage>();

        Fill(page, "Name", "Logitech MX Master 3S");
        Fill(page, "SKU", "logi-mx3s");
        Fill(page, "Description", "Quiet clicks.");
        Fill(page, "Price", "1,099.50");
        Fill(page, "Stock", "12");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.EndsWith($"/products/{newId}", Navigation.Uri));
        Assert.Equal(
            new CreateProductCommand(new ProductFields("Logitech MX Master 3S", "logi-mx3s", "Quiet clicks.", 1099.50m, 12, ProductStatus.Draft)), // a new product starts as a draft
            Assert.Single(Sender.SentOf<CreateProductCommand>()));
    }

    [Fact]
    public void Edit_shows_the_current_values_and_sends_an_update_with_the_version_it_read()
    {
        Sender.Answer<GetProductQuery, ProductDto?>(_ => Existing);
        Sender.Answer<UpdateProductCommand, long>(command => command.Version + 1);
        var page = RenderWithProviders<ProductEditorPage>(p => p.Add(x => x.Id, Existing.Id.ToString()));
        page.WaitForAssertion(() => Assert.Equal("Dell XPS 15", FieldInput(page, "Name").GetAttribute("value")));
        Assert.Equal("1999.99", FieldInput(page, "Price").GetAttribute("value"));

        Fill(page, "Stock", "5");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.EndsWith($"/products/{Existing.Id}", Navigation.Uri));
        Assert.Equal(
            new UpdateProductCommand(Existing.Id, new ProductFields("Dell XPS 15", "DELL-XPS15", "A laptop.", 1999.99m, 5), Existing.Version),
            Assert.Single(Sender.SentOf<UpdateProductCommand>()));
    }

    [Fact]
    public void Server_validation_errors_appear_under_their_fields_and_the_form_stays()
    {
        Sender.Throw<CreateProductCommand>(_ => new RequestValidationException("Sku", "SKU LOGI-MX3S is already used by another product."));
        var page = RenderWithProviders<ProductEditorPage>();
        Navigation.NavigateTo("products/new");
        FillValid(page);

        page.Find("form").Submit();

        page.WaitForAssertion(() =>
        {
            var skuField = FieldInput(page, "SKU").Closest(".mud-input-control")!;
            Assert.Contains("SKU LOGI-MX3S is already used by another product.", skuField.TextContent);
        });
        Assert.EndsWith("/products/new", Navigation.Uri);
        Assert.Equal("logi-mx3s", FieldInput(page, "SKU").GetAttribute("value"));
    }

    [Fact]
    public void Save_is_disabled_while_saving_and_a_second_submit_sends_nothing()
    {
        var pending = new TaskCompletionSource<Guid>();
        Sender.AnswerAsync<CreateProductCommand, Guid>(_ => pending.Task);
        var page = RenderWithProviders<ProductEditorPage>();
        FillValid(page);

        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.True(SaveButton(page).HasAttribute("disabled")));
        page.Find("form").Submit();

        Assert.Single(Sender.SentOf<CreateProductCommand>());
        page.InvokeAsync(() => pending.SetResult(Guid.NewGuid()));
        page.WaitForAssertion(() => Assert.Contains("/products/", Navigation.Uri));
    }

    [Fact]
    public void A_conflicting_save_keeps_the_typed_values_and_offers_the_latest_ones()
    {
        var theirs = Existing with { Fields = Existing.Fields with { Price = 1799.00m }, Version = Existing.Version + 1 };
        var reads = 0;
        Sender.Answer<GetProductQuery, ProductDto?>(_ => reads++ == 0 ? Existing : theirs);
        Sender.Throw<UpdateProductCommand>(command => new ConcurrencyConflictException("Product", command.Id));
        var page = RenderWithProviders<ProductEditorPage>(p => p.Add(x => x.Id, Existing.Id.ToString()));
        page.WaitForAssertion(() => Assert.Equal("Dell XPS 15", FieldInput(page, "Name").GetAttribute("value")));
        Fill(page, "Stock", "99");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Someone else changed this product", page.Markup));
        Assert.Equal("99", FieldInput(page, "Stock").GetAttribute("value"));
        Assert.Contains("$1,799.00", page.Find("table").TextContent);

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Reload latest values").Click();

        page.WaitForAssertion(() => Assert.Equal("1799.00", FieldInput(page, "Price").GetAttribute("value")));
        Assert.Equal("7", FieldInput(page, "Stock").GetAttribute("value"));
        Assert.DoesNotContain("Someone else changed this product", page.Markup);
    }

    [Fact]
    public void Editing_an_unknown_product_shows_not_found()
    {
        Sender.Answer<GetProductQuery, ProductDto?>(_ => null);

        var page = RenderWithProviders<ProductEditorPage>(p => p.Add(x => x.Id, Guid.NewGuid().ToString()));

        page.WaitForAssertion(() => Assert.Contains("Product not found", page.Find("h1").TextContent));
        Assert.Empty(page.FindAll("form"));
    }

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<ProductEditorPage> page) =>
        page.FindAll("button").Single(b => b.GetAttribute("type") == "submit");

    private static void FillValid(IRenderedComponent<ProductEditorPage> page)
    {
        Fill(page, "Name", "Logitech MX Master 3S");
        Fill(page, "SKU", "logi-mx3s");
        Fill(page, "Price", "99.99");
        Fill(page, "Stock", "12");
    }

    private static void Fill<T>(IRenderedComponent<T> page, string label, string value)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var input = FieldInput(page, label);
        input.Input(value);
    }

    internal static AngleSharp.Dom.IElement FieldInput<T>(IRenderedComponent<T> page, string label)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var labelElement = page.FindAll("label").Single(l => l.TextContent.TrimEnd('*').Trim() == label);
        var id = labelElement.GetAttribute("for");
        return id is not null ? page.Find($"#{id}") : throw new InvalidOperationException($"Label {label} has no 'for'.");
    }
}
