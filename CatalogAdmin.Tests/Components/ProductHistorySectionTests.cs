using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CatalogAdmin.Tests.Components.TestProducts;

namespace CatalogAdmin.Tests.Components;

public sealed class ProductHistorySectionTests : MudBunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly ProductHistoryEntryDto PriceChange = new(
        42, Now.AddMinutes(-2), "ana@example.com", ChangeSource.Form, ProductHistoryKind.Updated,
        [new FieldChange("Price", "19.99", "24.99"), new FieldChange("Stock", "3", "10")], "Editor", 3);

    private static readonly ProductHistoryEntryDto Created = new(
        41, Now.AddDays(-3), "bo@example.com", ChangeSource.Import, ProductHistoryKind.Created,
        [new FieldChange("Name", null, "Dell XPS 15"), new FieldChange("Price", null, "19.99")], "Admin", 1);

    public ProductHistorySectionTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Sender.Answer<GetProductQuery, ProductDto?>(_ => Laptop);
        Sender.Answer<ListProductHistoryQuery, PagedResult<ProductHistoryEntryDto>>(q => new([PriceChange, Created], 2, q.Page, q.PageSize));
    }

    [Fact]
    public void Each_entry_reads_as_a_sentence_newest_first_with_revert_only_on_a_change_of_fields()
    {
        var page = RenderPage();

        var entries = page.FindAll("li.history-entry");
        Assert.Equal(
            [
                "Price $19.99 → $24.99, Stock 3 → 10 — ana@example.com (Editor), 2 min ago, form",
                "Created — bo@example.com (Admin), 3 days ago, import",
            ],
            entries.Select(e => Normalize(e.QuerySelector("p.history-sentence")!.TextContent)));
        Assert.Single(entries[0].QuerySelectorAll("button"), b => b.TextContent.Trim() == "Revert");
        Assert.Empty(entries[1].QuerySelectorAll("button"));
        Assert.Equal(new ListProductHistoryQuery(Laptop.Id, 1, ProductHistorySection.PageSize), Sender.SentOf<ListProductHistoryQuery>()[0]);
    }

    [Fact]
    public void A_viewer_sees_the_history_without_revert()
    {
        SignInAs("viewer@example.com", Roles.Viewer);

        var page = RenderPage();

        Assert.Equal(2, page.FindAll("li.history-entry").Count);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Revert");
    }

    [Fact]
    public void Revert_sends_the_entry_and_shows_the_new_values()
    {
        Sender.Answer<RevertProductChangeCommand, long>(_ => 4);
        var page = RenderPage();
        Sender.Answer<GetProductQuery, ProductDto?>(_ => Laptop with { Fields = Laptop.Fields with { Price = 19.99m }, Version = 4 });

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Revert").Click();

        page.WaitForAssertion(() => Assert.Contains("$19.99", page.Find(".mud-paper").TextContent));
        Assert.Equal(new RevertProductChangeCommand(42), Assert.Single(Sender.SentOf<RevertProductChangeCommand>()));
        Assert.Empty(page.FindAll(".history-conflict"));
        Assert.Equal(2, Sender.SentOf<ListProductHistoryQuery>().Count); // read again for the new version
    }

    [Fact]
    public void A_revert_of_a_field_changed_since_names_it_with_its_value_now_and_offers_to_revert_only_the_others()
    {
        Sender.AnswerAsync<RevertProductChangeCommand, long>(command => command.Fields is null
            ? Task.FromException<long>(new ConcurrencyConflictException("Product", Laptop.Id) { ChangedSince = [new FieldChangedSince("Price", "30.00")] })
            : Task.FromResult(5L));
        var page = RenderPage();

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Revert").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Nothing was reverted: since this change, Price changed (it is now $30.00).",
            Normalize(page.Find(".history-conflict-message").TextContent)));
        page.FindAll(".history-conflict button").Single(b => b.TextContent.Trim() == "Revert only Stock").Click();

        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<RevertProductChangeCommand>().Count));
        Assert.Equal(["Stock"], Sender.SentOf<RevertProductChangeCommand>()[1].Fields!);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".history-conflict")));
    }

    [Fact]
    public void Cancel_after_a_conflict_reverts_nothing()
    {
        Sender.Throw<RevertProductChangeCommand>(_ => new ConcurrencyConflictException("Product", Laptop.Id)
        {
            ChangedSince = [new FieldChangedSince("Price", "30.00"), new FieldChangedSince("Stock", "1")],
        });
        var page = RenderPage();

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Revert").Click();
        page.WaitForAssertion(() => Assert.Contains("Price changed (it is now $30.00) and Stock changed (it is now 1)", Normalize(page.Find(".history-conflict").TextContent)));
        Assert.DoesNotContain(page.FindAll(".history-conflict button"), b => b.TextContent.Contains("Revert only", StringComparison.Ordinal));
        page.FindAll(".history-conflict button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".history-conflict")));
        Assert.Single(Sender.SentOf<RevertProductChangeCommand>());
    }

    [Fact]
    public void A_long_history_is_paged()
    {
        Sender.Answer<ListProductHistoryQuery, PagedResult<ProductHistoryEntryDto>>(q => new([PriceChange with { Id = 100 - q.Page }], 45, q.Page, q.PageSize));
        var page = RenderPage();

        page.FindAll("nav[aria-label='History pages'] button, .mud-pagination button").First(b => b.TextContent.Trim() == "2").Click();

        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListProductHistoryQuery>().Last().Page));
        Assert.Equal("98", page.Find("li.history-entry").GetAttribute("data-entry-id"));
    }

    private IRenderedComponent<ProductDetailsPage> RenderPage()
    {
        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Laptop.Id.ToString()));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("li.history-entry")));
        return page;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
