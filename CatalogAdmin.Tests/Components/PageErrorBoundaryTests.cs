using Bunit;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CatalogAdmin.Tests.Components;

public sealed class PageErrorBoundaryTests : MudBunitContext
{
    [Fact]
    public void A_page_that_throws_shows_a_friendly_message_and_no_exception_details()
    {
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<ThrowingPage>());

        Assert.Contains("Something went wrong on this page.", boundary.Markup);
        Assert.DoesNotContain("secret connection detail", boundary.Markup);
        Assert.DoesNotContain("InvalidOperationException", boundary.Markup);
        Assert.Contains(boundary.FindAll("a"), a => a.GetAttribute("href") == "products");
    }

    private sealed class ThrowingPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            throw new InvalidOperationException("secret connection detail");
    }
}
