using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;

namespace CatalogAdmin.Tests.Components;

public sealed class ProductEditorPageTests : MudBunitContext
{
    private static readonly ProductDto Existing = new(
        Guid.Parse("0195f0a0-0000-7000-8000-000000000001"), "Dell XPS 15", "DELL-XPS15", "A laptop.", 1999.99m, 7,
        new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), 3);

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
            Assert.Contains("Stock must be a whole number, for example 12.", page.Markup);
        });
        Assert.Empty(Sender.Sent);
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
