using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Layout;
using CatalogAdmin.Web.Components.Pages.Products;
using static CatalogAdmin.Tests.Components.TestProducts;

namespace CatalogAdmin.Tests.Components;

public sealed class RoleVisibilityTests : MudBunitContext
{
    public RoleVisibilityTests()
    {
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(q => new([], 0, q.Page, q.PageSize));
        Sender.Answer<GetProductQuery, ProductDto?>(_ => Laptop);
    }

    [Theory]
    [InlineData(Roles.Viewer, false)]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.Admin, true)]
    public void New_product_is_offered_only_to_roles_that_may_create(string role, bool offered)
    {
        SignInAs("someone@example.com", role);

        var page = RenderWithProviders<ProductsPage>();

        page.WaitForAssertion(() => Assert.Contains("Products", page.Find("h1").TextContent));
        Assert.Equal(offered, page.FindAll("a").Any(a => a.TextContent.Trim() == "New product"));
    }

    [Theory]
    [InlineData(Roles.Viewer, false)]
    [InlineData(Roles.Editor, true)]
    public void Edit_and_delete_are_offered_only_to_roles_that_may_change(string role, bool offered)
    {
        SignInAs("someone@example.com", role);

        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Laptop.Id.ToString()));

        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Find("h1").TextContent));
        Assert.Equal(offered, page.FindAll("a").Any(a => a.TextContent.Trim() == "Edit"));
        Assert.Equal(offered, page.FindAll("button").Any(b => b.TextContent.Trim() == "Delete"));
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Editor, false)]
    public void Only_admins_see_the_staff_page_in_the_navigation(string role, bool shown)
    {
        SignInAs("someone@example.com", role);

        var menu = Render<NavMenu>();

        Assert.Equal(shown, menu.FindAll("a").Any(a => a.TextContent.Trim() == "Staff"));
    }
}
