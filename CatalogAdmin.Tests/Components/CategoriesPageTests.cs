using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Layout;
using CatalogAdmin.Web.Components.Pages.Categories;
using CatalogAdmin.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CatalogAdmin.Tests.Components;

public sealed class CategoriesPageTests : MudBunitContext
{
    private static readonly CategoryDto Mugs = new(Guid.Parse("0195f0a0-0000-7000-8000-0000000000a1"), "Mugs", 12);
    private static readonly CategoryDto Cables = new(Guid.Parse("0195f0a0-0000-7000-8000-0000000000a2"), "Cables", 0);
    private static readonly CategoryDto Lamps = new(Guid.Parse("0195f0a0-0000-7000-8000-0000000000a3"), "Lamps", 1);

    public CategoriesPageTests()
    {
        Sender.Answer<ListCategoriesQuery, IReadOnlyList<CategoryDto>>(_ => [Cables, Lamps, Mugs]);
    }

    [Fact]
    public void Lists_each_category_with_its_count_and_a_link_to_its_products()
    {
        var page = RenderWithProviders<CategoriesPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        var rows = page.FindAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Mugs", rows[2]);
        Assert.Contains("12", rows[2]);
        Assert.Equal($"products?category={Mugs.Id}", page.FindAll("tbody a").Single(a => a.TextContent == "Mugs").GetAttribute("href"));
        Assert.Equal("Categories", page.Find("h1").TextContent);
    }

    [Fact]
    public void Create_sends_the_name_clears_the_field_and_reloads_the_list()
    {
        Sender.Answer<CreateCategoryCommand, Guid>(_ => Guid.NewGuid());
        var page = RenderWithProviders<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Single(Sender.SentOf<ListCategoriesQuery>()));

        ProductEditorPageTests.FieldInput(page, "New category").Input("  Desk lamps ");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal([new CreateCategoryCommand("  Desk lamps ")], Sender.SentOf<CreateCategoryCommand>()));
        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListCategoriesQuery>().Count));
        Assert.Equal(string.Empty, ProductEditorPageTests.FieldInput(page, "New category").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public void A_duplicate_name_is_shown_at_the_field_and_the_typed_name_is_kept()
    {
        Sender.Throw<CreateCategoryCommand>(_ => new RequestValidationException(nameof(CreateCategoryCommand.Name), "There is already a category named “Mugs”."));
        var page = RenderWithProviders<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Single(Sender.SentOf<ListCategoriesQuery>()));

        ProductEditorPageTests.FieldInput(page, "New category").Input("mugs");
        page.Find("form").Submit();

        page.WaitForAssertion(() =>
        {
            var field = ProductEditorPageTests.FieldInput(page, "New category").Closest(".mud-input-control")!;
            Assert.Contains("There is already a category named “Mugs”.", field.TextContent);
        });
        Assert.Equal("mugs", ProductEditorPageTests.FieldInput(page, "New category").GetAttribute("value"));
        Assert.Empty(SnackbarMessages());
    }

    [Fact]
    public void An_empty_name_is_refused_at_the_field_without_sending_anything()
    {
        var page = RenderWithProviders<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Single(Sender.SentOf<ListCategoriesQuery>()));

        ProductEditorPageTests.FieldInput(page, "New category").Input("   ");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Name is required.", page.Markup));
        Assert.Empty(Sender.SentOf<CreateCategoryCommand>());
    }

    [Fact]
    public void Rename_opens_a_dialog_with_the_name_and_sends_the_new_one()
    {
        Sender.Succeed<RenameCategoryCommand>();
        var page = RenderWithProviders<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        IconButton(page, "Rename Mugs").Click();

        Providers.WaitForAssertion(() => Assert.Equal("Mugs", ProductEditorPageTests.FieldInput(Providers, "Name").GetAttribute("value")));
        ProductEditorPageTests.FieldInput(Providers, "Name").Input("Cups");
        Providers.Find(".mud-dialog form").Submit();

        page.WaitForAssertion(() => Assert.Equal([new RenameCategoryCommand(Mugs.Id, "Cups")], Sender.SentOf<RenameCategoryCommand>()));
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListCategoriesQuery>().Count));
    }

    [Fact]
    public void A_refused_rename_is_shown_at_the_field_and_keeps_the_dialog_open()
    {
        Sender.Throw<RenameCategoryCommand>(_ => new RequestValidationException(nameof(RenameCategoryCommand.Name), "There is already a category named “Cables”."));
        var page = RenderWithProviders<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        IconButton(page, "Rename Mugs").Click();
        Providers.WaitForAssertion(() => ProductEditorPageTests.FieldInput(Providers, "Name"));
        ProductEditorPageTests.FieldInput(Providers, "Name").Input("cables");
        Providers.Find(".mud-dialog form").Submit();

        Providers.WaitForAssertion(() =>
            Assert.Contains("There is already a category named “Cables”.", ProductEditorPageTests.FieldInput(Providers, "Name").Closest(".mud-input-control")!.TextContent));
        Assert.Single(Providers.FindAll(".mud-dialog"));

        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Single(Sender.SentOf<RenameCategoryCommand>());
    }

    [Fact]
    public void Deleting_a_category_with_products_asks_first_naming_it_and_its_count_and_cancel_sends_nothing()
    {
        Sender.Answer<DeleteCategoryCommand, bool>(_ => true);
        var page = RenderWithProviders<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        IconButton(page, "Delete Mugs").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Delete “Mugs”? Its 12 products will have no category.", Providers.Find(".mud-dialog").TextContent));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Empty(Sender.SentOf<DeleteCategoryCommand>());

        IconButton(page, "Delete Mugs").Click();
        Providers.WaitForAssertion(() => Providers.Find(".mud-dialog"));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Equal([new DeleteCategoryCommand(Mugs.Id)], Sender.SentOf<DeleteCategoryCommand>()));
        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListCategoriesQuery>().Count));
    }

    [Fact]
    public void The_question_counts_one_product_in_the_singular()
    {
        var page = RenderWithProviders<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        IconButton(page, "Delete Lamps").Click();

        Providers.WaitForAssertion(() => Assert.Contains("Delete “Lamps”? Its 1 product will have no category.", Providers.Find(".mud-dialog").TextContent));
    }

    [Fact]
    public void An_empty_category_is_deleted_without_asking()
    {
        Sender.Answer<DeleteCategoryCommand, bool>(_ => true);
        var page = RenderWithProviders<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        IconButton(page, "Delete Cables").Click();

        page.WaitForAssertion(() => Assert.Equal([new DeleteCategoryCommand(Cables.Id)], Sender.SentOf<DeleteCategoryCommand>()));
        Assert.Empty(Providers.FindAll(".mud-dialog"));
    }

    [Fact]
    public void A_viewer_sees_the_list_without_any_control()
    {
        SignInAs("viewer@example.com", Roles.Viewer);

        var page = RenderWithProviders<CategoriesPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        Assert.Empty(page.FindAll("button"));
        Assert.Empty(page.FindAll("input"));
        Assert.DoesNotContain("Actions", page.Find("thead").TextContent);
        Assert.Equal(3, page.FindAll("tbody a").Count);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public void Editors_and_admins_get_the_controls(string role)
    {
        SignInAs("someone@example.com", role);

        var page = RenderWithProviders<CategoriesPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Add category");
        Assert.Equal(6, page.FindAll("tbody button[aria-label]").Count);
    }

    [Fact]
    public async Task Category_changes_and_products_moving_between_categories_refresh_the_list_and_other_changes_do_not()
    {
        var page = RenderWithProviders<CategoriesPage>();
        page.WaitForAssertion(() => Assert.Single(Sender.SentOf<ListCategoriesQuery>()));
        var inMugs = new ProductFields("Mug", "MUG-1", null, 1m, 1, CategoryId: Mugs.Id);

        // Neither a category nor a count changes: no reload.
        await page.InvokeAsync(() => Broadcaster.BroadcastAsync(new ProductUpdatedNotification(Guid.NewGuid(), inMugs, inMugs with { Stock = 9 }, DateTimeOffset.UtcNow)));
        await page.InvokeAsync(() => Broadcaster.BroadcastAsync(new ProductCreatedNotification(Guid.NewGuid(), inMugs with { CategoryId = null }, DateTimeOffset.UtcNow)));
        Assert.Single(Sender.SentOf<ListCategoriesQuery>());

        await page.InvokeAsync(() => Broadcaster.BroadcastAsync(new CategoryChangedNotification(CategoryChangeKind.Renamed, Cables.Id, "Wires", DateTimeOffset.UtcNow)));
        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListCategoriesQuery>().Count));

        // A product leaving a category, after the refresh interval.
        await page.InvokeAsync(() => Broadcaster.BroadcastAsync(new ProductUpdatedNotification(Guid.NewGuid(), inMugs, inMugs with { CategoryId = Lamps.Id }, DateTimeOffset.UtcNow)));
        page.WaitForAssertion(() => Assert.Equal(3, Sender.SentOf<ListCategoriesQuery>().Count), TimeSpan.FromSeconds(5));

        await DisposeComponentsAsync();
        Assert.Equal(0, Broadcaster.SubscriberCount);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Editor)]
    public void Every_role_finds_categories_in_the_navigation_after_products(string role)
    {
        SignInAs("someone@example.com", role);

        var menu = Render<NavMenu>();

        var links = menu.FindAll("a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal(links.IndexOf(("Products", "products")) + 1, links.IndexOf(("Categories", "categories")));
        Assert.NotNull(menu.Find("a[href='categories'] svg"));
    }

    [Fact]
    public async Task The_acting_user_gets_a_toast_for_each_category_change()
    {
        var providers = Providers;
        var toast = new ShowCategoryToast(Services.GetRequiredService<ISnackbar>());
        var now = DateTimeOffset.UtcNow;

        await providers.InvokeAsync(() => toast.Handle(new CategoryChangedNotification(CategoryChangeKind.Created, Mugs.Id, "Mugs", now), default));
        await providers.InvokeAsync(() => toast.Handle(new CategoryChangedNotification(CategoryChangeKind.Renamed, Mugs.Id, "Cups", now), default));
        await providers.InvokeAsync(() => toast.Handle(new CategoryChangedNotification(CategoryChangeKind.Deleted, Mugs.Id, "Cups", now) { ProductsAffected = 12 }, default));
        await providers.InvokeAsync(() => toast.Handle(new CategoryChangedNotification(CategoryChangeKind.Deleted, Cables.Id, "Cables", now), default));

        Assert.Equal(
            [
                "Created category \"Mugs\"",
                "Renamed category to \"Cups\"",
                "Deleted category \"Cups\"; its 12 products have no category now",
                "Deleted category \"Cables\"",
            ],
            SnackbarMessages());
    }

    private static AngleSharp.Dom.IElement IconButton(IRenderedComponent<CategoriesPage> page, string name) =>
        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == name);
}
