using Bunit;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Layout;

namespace CatalogAdmin.Tests.Components;

/// <summary>The navigation marks the page the user is on, and follows them to the next one.</summary>
public sealed class NavMenuTests : MudBunitContext
{
    [Fact]
    public void The_current_pages_link_is_active_and_follows_navigation()
    {
        Navigation.NavigateTo("products/0195f0a0-0000-7000-8000-000000000001?from=list");
        var menu = Render<NavMenu>();

        Assert.Equal(["Products"], Current(menu));
        Assert.Contains("active", menu.Find("a[href='products']").ClassList);

        Navigation.NavigateTo("trash");

        menu.WaitForAssertion(() => Assert.Equal(["Trash"], Current(menu)));
        Assert.DoesNotContain("active", menu.Find("a[href='products']").ClassList);

        Navigation.NavigateTo("productsandmore"); // a longer name is not a page under "products"
        menu.WaitForAssertion(() => Assert.Empty(Current(menu)));
    }

    private static List<string> Current(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a[aria-current='page']").Select(a => a.TextContent.Trim()).ToList();
}
