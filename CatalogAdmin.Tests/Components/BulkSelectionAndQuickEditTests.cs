using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;

namespace CatalogAdmin.Tests.Components;

/// <summary>The list's selection, its bar and the bulk dialog's confirmation; quick edit's markers, Esc and Discard.</summary>
public sealed class BulkSelectionAndQuickEditTests : MudBunitContext
{
    private static readonly ProductListItem Laptop = new(
        Guid.Parse("0195f0a0-0000-7000-8000-000000000001"), "Dell XPS 15", "DELL-XPS15", 1999.99m, 12, ProductStatus.Active, null, null, new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));

    private static readonly ProductListItem Cable = new(
        Guid.Parse("0195f0a0-0000-7000-8000-000000000002"), "USB-C Cable", "CBL-USBC", 9.99m, 3, ProductStatus.Draft, null, null, new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero));

    public BulkSelectionAndQuickEditTests()
    {
        // Two rows on the page, of 1,000 or more matching.
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(query => new([Laptop, Cable], 1_000, query.Page, query.PageSize, TotalIsLowerBound: true));
        Sender.Answer<CountBulkSelectionQuery, int>(_ => 1_240);
    }

    private IRenderedComponent<ProductsPage> RenderList()
    {
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Markup));
        return page;
    }

    [Fact]
    public void Ticking_the_page_shows_the_bar_with_its_count_then_all_matching_is_sent_as_the_filter_and_counted_exactly()
    {
        var page = RenderList();
        Assert.Empty(page.FindAll(".bulk-bar"));

        page.Find("th.select-cell input[type=checkbox]").Change(true);

        page.WaitForAssertion(() => Assert.Contains("2 selected", page.Find(".bulk-bar").TextContent));
        page.FindAll(".bulk-select-all").Single(b => b.TextContent.Contains("Select all 1,000+ matching")).Click();
        page.WaitForAssertion(() => Assert.Contains("All 1,000+ matching selected", page.Find(".bulk-bar").TextContent));

        page.Find("[data-bulk-action='SetStatus']").Click();

        page.WaitForAssertion(() => Assert.Contains("This sets the status of 1,240 products to Archived.", Providers.Find(".bulk-confirmation").TextContent));
        var counted = Assert.Single(Sender.SentOf<CountBulkSelectionQuery>());
        Assert.Null(counted.Selection.Ids);
        Assert.Equal(ProductFilter.All, counted.Selection.Filter);
    }

    [Fact]
    public void Ticking_one_row_selects_it_and_clear_empties_the_selection()
    {
        var page = RenderList();

        page.FindAll("tbody tr").Single(row => row.TextContent.Contains("USB-C Cable")).QuerySelector("input[type=checkbox]")!.Change(true);

        page.WaitForAssertion(() => Assert.Contains("1 selected", page.Find(".bulk-bar").TextContent));
        Assert.Empty(page.FindAll(".bulk-select-all")); // only once the whole page is ticked
        page.FindAll(".bulk-bar button").Single(b => b.TextContent.Contains("Clear")).Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".bulk-bar")));
    }

    [Fact]
    public void Viewers_get_no_checkboxes_and_no_quick_edit()
    {
        SignInAs("viewer@example.com", Roles.Viewer);
        var page = RenderList();

        Assert.Empty(page.FindAll(".select-cell input[type=checkbox]"));
        Assert.DoesNotContain("Quick edit", page.Markup);
    }

    [Fact]
    public void Quick_edit_marks_changed_and_invalid_cells_esc_reverts_a_cell_and_discard_drops_the_edits()
    {
        var page = RenderList();
        page.Find(".quick-edit-switch input").Change(true);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[aria-label='Stock of USB-C Cable']")));

        page.Find("input[aria-label='Stock of USB-C Cable']").Input("40");
        page.Find("input[aria-label='Price of Dell XPS 15']").Input("12.345");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".qe-changed").Count));
        Assert.Contains("Price can have at most 2 decimal places (cents).", page.Find(".qe-invalid .qe-message").TextContent);
        Assert.Equal("true", page.Find("input[aria-label='Price of Dell XPS 15']").GetAttribute("aria-invalid"));
        Assert.Contains("Save changes (2)", page.Find(".quick-edit-save").TextContent);

        page.Find("input[aria-label='Price of Dell XPS 15']").KeyDown("Escape");

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".qe-changed")));
        Assert.Equal("1999.99", page.Find("input[aria-label='Price of Dell XPS 15']").GetAttribute("value"));
        Assert.Empty(page.FindAll(".qe-invalid"));

        page.Find(".quick-edit-discard").Click();
        Providers.WaitForAssertion(() => Providers.FindAll("button").Single(b => b.TextContent.Trim() == "Discard").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".qe-changed")));
        Assert.Equal("3", page.Find("input[aria-label='Stock of USB-C Cable']").GetAttribute("value"));
        Assert.Empty(Sender.SentOf<SaveQuickEditsCommand>());
    }

    [Fact]
    public void Turning_quick_edit_off_with_unsaved_edits_asks_and_keeping_them_turns_the_switch_back_on()
    {
        var page = RenderList();
        page.Find(".quick-edit-switch input").Change(true);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[aria-label='Stock of USB-C Cable']")));
        page.Find("input[aria-label='Stock of USB-C Cable']").Input("40");

        page.Find(".quick-edit-switch input").Change(false);
        Providers.WaitForAssertion(() => Assert.Contains("Discard your unsaved changes to 1 product?", Providers.Find(".mud-dialog").TextContent));
        Assert.Null(page.Find(".quick-edit-switch input").GetAttribute("checked")); // off while the question is open, as the browser shows it
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Keep editing").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find(".quick-edit-switch input").GetAttribute("checked")));
        Assert.Equal("true", page.Find(".quick-edit-switch input").GetAttribute("aria-checked"));
        Assert.Equal("40", page.Find("input[aria-label='Stock of USB-C Cable']").GetAttribute("value"));
        Assert.Single(page.FindAll(".qe-changed"));

        page.Find(".quick-edit-switch input").Change(false);
        Providers.WaitForAssertion(() => Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Discard").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("input[aria-label='Stock of USB-C Cable']")));
        Assert.Null(page.Find(".quick-edit-switch input").GetAttribute("checked"));
        Assert.Equal("false", page.Find(".quick-edit-switch input").GetAttribute("aria-checked"));
    }

    [Fact]
    public void Save_sends_the_changed_rows_with_their_versions_in_one_command()
    {
        Sender.Answer<SaveQuickEditsCommand, QuickEditResult>(command => new(Guid.NewGuid(), [.. command.Rows.Select(r => new QuickEditSaved(r.Id, r.Version + 1, DateTimeOffset.UnixEpoch))], []));
        var page = RenderList();
        page.Find(".quick-edit-switch input").Change(true);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[aria-label='Stock of USB-C Cable']")));

        page.Find("input[aria-label='Stock of USB-C Cable']").Input("40");
        page.Find("input[aria-label='Stock of Dell XPS 15']").Input("7");
        page.Find(".quick-edit-save").Click();

        page.WaitForAssertion(() => Assert.Single(Sender.SentOf<SaveQuickEditsCommand>()));
        var rows = Sender.SentOf<SaveQuickEditsCommand>()[0].Rows;
        Assert.Equal([(Cable.Id, 1L, 40), (Laptop.Id, 1L, 7)], rows.Select(r => (r.Id, r.Version, r.Fields.Stock)).OrderBy(r => r.Stock > 10 ? 0 : 1));
    }
}
