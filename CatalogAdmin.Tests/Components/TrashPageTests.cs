using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Layout;
using CatalogAdmin.Web.Components.Pages.Products;
using CatalogAdmin.Web.Maintenance;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Tests.Components;

public sealed class TrashPageTests : MudBunitContext
{
    private static readonly TrashedProductDto Lamp = new(
        Guid.Parse("0195f0a0-0000-7000-8000-0000000000b1"), "Desk lamp", "LAMP-1", 19.99m, "Lighting",
        new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero), "editor@example.com");

    private static readonly TrashedProductDto Mug = new(
        Guid.Parse("0195f0a0-0000-7000-8000-0000000000b2"), "Blue mug", "MUG-1", 9.5m, null,
        new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero), "admin@example.com");

    public TrashPageTests()
    {
        Services.AddSingleton(new TrashRetentionOptions(14));
        Sender.Answer<ListTrashQuery, PagedResult<TrashedProductDto>>(q =>
        {
            var items = new[] { Lamp, Mug }.Where(p => q.Search is null || p.Name.Contains(q.Search, StringComparison.OrdinalIgnoreCase)).ToList();
            return new(items, items.Count, q.Page, q.PageSize);
        });
    }

    [Fact]
    public void Lists_each_trashed_product_with_who_deleted_it_and_when_and_says_how_long_it_stays()
    {
        var page = RenderWithProviders<TrashPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        var rows = page.FindAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Desk lamp", rows[0]);
        Assert.Contains("LAMP-1", rows[0]);
        Assert.Contains("editor@example.com", rows[0]);
        Assert.Contains("11/20/2026 2:30", rows[0]);
        Assert.Contains("admin@example.com", rows[1]);
        Assert.Equal("Trash", page.Find("h1").TextContent);
        Assert.Contains("stay here for 14 days", page.Markup);
        Assert.Equal([new ListTrashQuery(null, 1, 25)], Sender.SentOf<ListTrashQuery>());
    }

    [Theory]
    [InlineData(Roles.Viewer, false, false)]
    [InlineData(Roles.Editor, true, false)]
    [InlineData(Roles.Admin, true, true)]
    public void Restore_is_offered_to_editors_and_admins_and_delete_permanently_to_admins_only(string role, bool restore, bool purge)
    {
        SignInAs("someone@example.com", role);

        var page = RenderWithProviders<TrashPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Equal(restore ? 2 : 0, Buttons(page, "Restore").Count);
        Assert.Equal(purge ? 2 : 0, Buttons(page, "Delete permanently").Count);
    }

    [Fact]
    public void Restore_sends_the_products_id_and_reloads_the_list()
    {
        Sender.Answer<RestoreProductCommand, bool>(_ => true);
        var page = RenderWithProviders<TrashPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        Buttons(page, "Restore")[1].Click();

        page.WaitForAssertion(() => Assert.Equal([new RestoreProductCommand(Mug.Id)], Sender.SentOf<RestoreProductCommand>()));
        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListTrashQuery>().Count));
    }

    [Fact]
    public void A_product_someone_else_restored_first_is_said_so()
    {
        Sender.Answer<RestoreProductCommand, bool>(_ => false);
        var page = RenderWithProviders<TrashPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        Buttons(page, "Restore")[0].Click();

        page.WaitForAssertion(() => Assert.Equal(["“Desk lamp” is no longer in the trash."], SnackbarMessages()));
    }

    [Fact]
    public void Delete_permanently_asks_first_naming_the_product_and_cancel_sends_nothing()
    {
        SignInAs("admin@example.com", Roles.Admin);
        Sender.Answer<PurgeProductCommand, bool>(_ => true);
        var page = RenderWithProviders<TrashPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        Buttons(page, "Delete permanently")[0].Click();
        Providers.WaitForAssertion(() => Assert.Contains("Delete “Desk lamp” permanently?", Providers.Find(".mud-dialog").TextContent));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Empty(Sender.SentOf<PurgeProductCommand>());

        Buttons(page, "Delete permanently")[0].Click();
        Providers.WaitForAssertion(() => Assert.Single(Providers.FindAll(".mud-dialog")));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete permanently").Click();

        page.WaitForAssertion(() => Assert.Equal([new PurgeProductCommand(Lamp.Id)], Sender.SentOf<PurgeProductCommand>()));
        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListTrashQuery>().Count));
    }

    [Fact]
    public void A_refused_purge_is_told_in_a_toast()
    {
        SignInAs("admin@example.com", Roles.Admin);
        Sender.Throw<PurgeProductCommand>(_ => new ForbiddenException(Permissions.NotAllowedMessage(Permission.PurgeProducts)));
        var page = RenderWithProviders<TrashPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        Buttons(page, "Delete permanently")[0].Click();
        Providers.WaitForAssertion(() => Assert.Single(Providers.FindAll(".mud-dialog")));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete permanently").Click();

        page.WaitForAssertion(() => Assert.Equal(["Could not delete the product permanently: Your role does not allow this. It needs: Admin."], SnackbarMessages()));
    }

    [Fact]
    public void Search_asks_for_matching_products_and_says_when_none_match()
    {
        var page = RenderWithProviders<TrashPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        ProductEditorPageTests.FieldInput(page, "Search").Input("mug");
        page.WaitForAssertion(() => Assert.Contains(new ListTrashQuery("mug", 1, 25), Sender.SentOf<ListTrashQuery>()));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));

        ProductEditorPageTests.FieldInput(page, "Search").Input("sofa");
        page.WaitForAssertion(() => Assert.Contains("Nothing in the trash matches “sofa”.", page.Markup));
    }

    [Fact]
    public void An_empty_trash_says_so_and_the_navigation_offers_it()
    {
        Sender.Answer<ListTrashQuery, PagedResult<TrashedProductDto>>(q => new([], 0, q.Page, q.PageSize));
        var page = RenderWithProviders<TrashPage>();

        page.WaitForAssertion(() => Assert.Contains("The trash is empty.", page.Markup));
        var menu = Render<NavMenu>();
        Assert.Equal("trash", menu.FindAll("a").Single(a => a.TextContent.Trim() == "Trash").GetAttribute("href"));
    }

    private static List<AngleSharp.Dom.IElement> Buttons(IRenderedComponent<TrashPage> page, string text) =>
        page.FindAll("tbody button").Where(b => b.TextContent.Trim() == text).ToList();
}
