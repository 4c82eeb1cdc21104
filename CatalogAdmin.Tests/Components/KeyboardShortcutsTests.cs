using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Layout;

namespace CatalogAdmin.Tests.Components;

/// <summary>
/// The rule that decides whether a key press is a shortcut where it lands (ShortcutKeys; keyboard.js applies the same
/// table and rule in the browser, which the end-to-end KeyboardTests drive).
/// </summary>
public sealed class ShortcutKeysTests
{
    [Theory]
    [InlineData("?", false, KeyTarget.Page, "help")]
    [InlineData("?", false, KeyTarget.Field, null)]
    [InlineData("/", false, KeyTarget.Page, "focus:search")]
    [InlineData("/", false, KeyTarget.Field, null)]
    [InlineData("/", false, KeyTarget.SearchField, null)]
    [InlineData("n", false, KeyTarget.Page, "click:new")]
    [InlineData("n", false, KeyTarget.Field, null)]
    [InlineData("n", false, KeyTarget.SearchField, null)]
    [InlineData("n", true, KeyTarget.Page, null)] // Ctrl+N stays the browser's
    [InlineData("N", false, KeyTarget.Page, null)] // Shift+N is not N
    [InlineData("e", false, KeyTarget.Page, "click:edit")]
    [InlineData("e", false, KeyTarget.Field, null)]
    [InlineData("s", true, KeyTarget.Page, "click:save")]
    [InlineData("s", true, KeyTarget.Field, "click:save")]
    [InlineData("S", true, KeyTarget.Field, "click:save")] // caps lock on
    [InlineData("s", false, KeyTarget.Page, null)]
    [InlineData("s", false, KeyTarget.Field, null)]
    [InlineData("Escape", false, KeyTarget.Page, "escape")]
    [InlineData("Escape", false, KeyTarget.Field, "escape")]
    [InlineData("k", true, KeyTarget.Page, "palette")]
    [InlineData("k", true, KeyTarget.Field, null)]
    [InlineData("k", false, KeyTarget.Page, null)]
    [InlineData("ArrowDown", false, KeyTarget.Page, "row:next")]
    [InlineData("ArrowDown", false, KeyTarget.SearchField, "row:next")]
    [InlineData("ArrowDown", false, KeyTarget.Field, null)]
    [InlineData("ArrowUp", false, KeyTarget.Page, "row:previous")]
    [InlineData("ArrowUp", false, KeyTarget.SearchField, null)]
    [InlineData("Enter", false, KeyTarget.Page, "row:open")]
    [InlineData("Enter", false, KeyTarget.Field, null)]
    [InlineData("Enter", false, KeyTarget.SearchField, null)]
    [InlineData("x", false, KeyTarget.Page, null)]
    public void A_key_is_a_shortcut_only_where_it_should_be(string key, bool ctrl, KeyTarget target, string? action)
    {
        Assert.Equal(action, ShortcutKeys.Find(new KeyPress(key, Ctrl: ctrl, Target: target))?.Action);
    }

    [Fact]
    public void Command_is_ctrl_on_a_mac_and_alt_combinations_are_never_shortcuts()
    {
        Assert.Equal("click:save", ShortcutKeys.Find(new KeyPress("s", Meta: true, Target: KeyTarget.Field))?.Action);
        Assert.Equal("palette", ShortcutKeys.Find(new KeyPress("k", Meta: true))?.Action);
        Assert.Null(ShortcutKeys.Find(new KeyPress("s", Ctrl: true, Alt: true)));
        Assert.Null(ShortcutKeys.Find(new KeyPress("n", Alt: true)));
    }

    [Fact]
    public void No_two_shortcuts_share_a_key()
    {
        Assert.All(ShortcutKeys.All.GroupBy(s => (s.Key.ToLowerInvariant(), s.Mod)), group => Assert.Single(group));
    }
}

public sealed class KeyboardShortcutsTests : MudBunitContext
{
    private static readonly ProductListItem Mouse = new(
        Guid.Parse("0195f0a0-0000-7000-8000-000000000002"), "Logitech MX Master 3S", "LOGI-MXM3S-GR", 99.99m, 12, ProductStatus.Active, null, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Starts_the_browser_side_with_every_shortcut()
    {
        Render<KeyboardShortcuts>();

        var start = JSInterop.VerifyInvoke("catalogAdmin.keyboard.start");
        // JSON with the names keyboard.js reads: key, mod, scope and action.
        using var table = System.Text.Json.JsonDocument.Parse(Assert.IsType<string>(start.Arguments[1]));
        var sent = table.RootElement.EnumerateArray()
            .Select(s => (s.GetProperty("key").GetString(), s.GetProperty("mod").GetBoolean(), s.GetProperty("scope").GetString(), s.GetProperty("action").GetString()));
        Assert.Equal(ShortcutKeys.All.Select(s => ((string?)s.Key, s.Mod, (string?)s.Scope.ToString(), (string?)s.Action)), sent);
    }

    [Fact]
    public async Task The_shortcuts_dialog_lists_every_shortcut()
    {
        var shortcuts = RenderWithProviders<KeyboardShortcuts>();

        _ = shortcuts.InvokeAsync(() => shortcuts.Instance.OnShortcut(ShortcutKeys.ShowHelp));

        await Providers.WaitForAssertionAsync(() => Assert.Contains("Keyboard shortcuts", Providers.Find(".mud-dialog").TextContent));
        var rows = Providers.FindAll(".mud-dialog tbody tr");
        Assert.Equal(ShortcutKeys.Listed().Select(s => s.Keys), rows.Select(r => r.QuerySelector("kbd")!.TextContent));
        Assert.Equal(ShortcutKeys.Listed().Select(s => s.Description), rows.Select(r => r.QuerySelectorAll("td")[1].TextContent));
        Assert.Contains("Ctrl+S", Providers.Find(".mud-dialog").TextContent);
    }

    [Fact]
    public async Task The_palette_searches_products_as_the_user_types_and_opens_the_chosen_one()
    {
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(query => new([Mouse], 1, 1, query.PageSize));
        var shortcuts = RenderWithProviders<KeyboardShortcuts>();
        _ = shortcuts.InvokeAsync(() => shortcuts.Instance.OnShortcut(ShortcutKeys.OpenPalette));
        await Providers.WaitForAssertionAsync(() => Providers.Find(".command-palette input"));

        Providers.Find(".command-palette input").Input("mxm3");

        await Providers.WaitForAssertionAsync(() => Assert.Contains("Logitech MX Master 3S", Providers.Find("[role=listbox]").TextContent));
        Assert.Equal(new ListProductsQuery(new ProductFilter(Search: "mxm3"), PageSize: 8), Sender.SentOf<ListProductsQuery>().Last());
        var option = Providers.Find("[role=option]");
        Assert.Equal("true", option.GetAttribute("aria-selected"));
        Assert.Equal(option.Id, Providers.Find(".command-palette input").GetAttribute("aria-activedescendant"));

        Providers.Find(".command-palette input").KeyDown("Enter");

        await Providers.WaitForAssertionAsync(() => Assert.EndsWith($"/products/{Mouse.Id}", Navigation.Uri));
        await Providers.WaitForAssertionAsync(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
    }

    [Theory]
    [InlineData(Roles.Viewer, new[] { "Products", "Categories", "Activity", "Trash" })]
    [InlineData(Roles.Editor, new[] { "Products", "New product", "Categories", "Activity", "Trash" })]
    [InlineData(Roles.Admin, new[] { "Products", "New product", "Categories", "Activity", "Trash", "Staff" })]
    public async Task The_palette_offers_only_the_pages_the_user_may_open(string role, string[] pages)
    {
        SignInAs("someone@example.com", role);
        var shortcuts = RenderWithProviders<KeyboardShortcuts>();

        _ = shortcuts.InvokeAsync(() => shortcuts.Instance.OpenPaletteAsync());

        await Providers.WaitForAssertionAsync(() => Assert.Equal(pages, Providers.FindAll("[role=option]").Select(o => o.TextContent.Trim())));
        Assert.Empty(Sender.Sent); // pages need no query
    }
}
