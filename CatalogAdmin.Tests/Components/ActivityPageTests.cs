using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Staff;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages;

namespace CatalogAdmin.Tests.Components;

public sealed class ActivityPageTests : MudBunitContext
{
    private static readonly Guid KeptId = Guid.Parse("0195f0a0-0000-7000-8000-000000000001");
    private static readonly Guid GoneId = Guid.Parse("0195f0a0-0000-7000-8000-000000000002");

    public ActivityPageTests()
    {
        Sender.Answer<ListActivityQuery, PagedResult<ActivityEntryDto>>(query => new(
            [
                new(2, ProductChangeKind.Deleted, GoneId, "Old cable", "CBL-OLD", new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), false, new StaffMemberName("Ed Itor")),
                new(1, ProductChangeKind.Created, KeptId, "Dell XPS 15", "DELL-XPS15", new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), true),
            ],
            2, query.Page, query.PageSize));
    }

    [Fact]
    public void Lists_entries_as_answered_with_a_link_only_to_products_that_still_exist()
    {
        var page = RenderWithProviders<ActivityPage>();

        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Markup));
        Assert.Equal(new ListActivityQuery(1, 50), Sender.SentOf<ListActivityQuery>()[0]);
        var rows = page.FindAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Deleted", rows[0]);
        Assert.Contains("Old cable", rows[0]);
        Assert.Contains("Ed Itor", rows[0]);
        Assert.Contains("Created", rows[1]);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == $"products/{KeptId}");
        Assert.DoesNotContain(page.FindAll("a"), a => a.GetAttribute("href") == $"products/{GoneId}");
    }

    [Fact]
    public async Task A_change_elsewhere_refreshes_the_log_and_leaving_unsubscribes()
    {
        var page = RenderWithProviders<ActivityPage>();
        page.WaitForAssertion(() => Assert.Single(Sender.SentOf<ListActivityQuery>()));

        await page.InvokeAsync(() => Broadcaster.BroadcastAsync(
            new ProductUpdatedNotification(KeptId, new ProductFields("Dell XPS 15", "DELL-XPS15", null, 1m, 1), new ProductFields("Dell XPS 15", "DELL-XPS15", null, 1m, 1), DateTimeOffset.UtcNow)));

        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListActivityQuery>().Count));
        await DisposeComponentsAsync();
        Assert.Equal(0, Broadcaster.SubscriberCount);
    }

    [Fact]
    public void A_staff_change_names_who_acted_and_whose_account_and_shows_emails_when_answered()
    {
        Sender.Answer<ListActivityQuery, PagedResult<ActivityEntryDto>>(query => new(
            [
                new(3, null, null, "", "", new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero), false,
                    new StaffMemberName("Ana Admin", "ana@example.com"), StaffChangeKind.RoleChanged, new StaffMemberName("Bo Jensen", "bo@example.com"), "Editor → Viewer"),
            ],
            1, query.Page, query.PageSize));

        var page = RenderWithProviders<ActivityPage>();

        page.WaitForAssertion(() => Assert.Contains("Bo Jensen", page.Markup));
        var row = page.Find("tbody tr").TextContent;
        foreach (var expected in new[] { "Role changed", "Bo Jensen", "bo@example.com", "(Editor → Viewer)", "Ana Admin", "ana@example.com" })
        {
            Assert.Contains(expected, row);
        }
    }

    [Fact]
    public void A_batch_entry_offers_undo_which_sends_its_batch_and_reloads_and_an_undone_one_says_so()
    {
        var bulkId = Guid.Parse("0195f0a0-0000-7000-8000-0000000000b1");
        var importId = Guid.Parse("0195f0a0-0000-7000-8000-0000000000b2");
        var at = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
        Sender.Answer<ListActivityQuery, PagedResult<ActivityEntryDto>>(query => new(
            [
                new(5, null, null, "", "", at, false, new StaffMemberName("Ed Itor"), Detail: "Raised the price of 3 products by 10%",
                    Batch: ActivityBatchKind.Bulk, BatchId: bulkId, ProductCount: 3, CanUndo: true),
                new(4, null, null, "", "", at, false, new StaffMemberName("Ed Itor"), Detail: "Imported 2 products: 1 created, 1 updated",
                    Batch: ActivityBatchKind.Import, BatchId: importId, ProductCount: 2, Undone: true),
            ],
            2, query.Page, query.PageSize));
        Sender.Answer<UndoBatchCommand, BatchUndoResult>(_ => new BatchUndoResult(3, [], "Undid it"));

        var page = RenderWithProviders<ActivityPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        var rows = page.FindAll("tbody tr");
        Assert.Contains("Bulk change", rows[0].TextContent);
        Assert.Contains("Raised the price of 3 products by 10%", rows[0].TextContent);
        Assert.Contains("Import", rows[1].TextContent);
        Assert.Contains("(undone)", rows[1].TextContent);
        var undo = Assert.Single(page.FindAll("button.activity-undo"));
        Assert.Equal("Undo: Raised the price of 3 products by 10%", undo.GetAttribute("aria-label"));

        undo.Click();

        page.WaitForAssertion(() => Assert.Equal(new UndoBatchCommand(bulkId), Assert.Single(Sender.SentOf<UndoBatchCommand>())));
        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListActivityQuery>().Count));
    }

    [Fact]
    public void An_undo_that_skipped_products_lists_them_and_a_refused_one_says_why()
    {
        var bulkId = Guid.Parse("0195f0a0-0000-7000-8000-0000000000b1");
        Sender.Answer<ListActivityQuery, PagedResult<ActivityEntryDto>>(query => new(
            [
                new(5, null, null, "", "", DateTimeOffset.UtcNow, false, new StaffMemberName("Ed Itor"), Detail: "Set the stock of 2 products to 5",
                    Batch: ActivityBatchKind.Bulk, BatchId: bulkId, ProductCount: 2, CanUndo: true),
            ],
            1, query.Page, query.PageSize));
        Sender.Answer<UndoBatchCommand, BatchUndoResult>(_ => new BatchUndoResult(
            1, [new SkippedProduct(Guid.NewGuid(), "Blue mug", "MUG-1", "It was changed after this batch; it was left as it is.")],
            "Undid “Set the stock of 2 products to 5”: 1 product back as it was, 1 skipped"));
        var page = RenderWithProviders<ActivityPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("button.activity-undo")));

        page.Find("button.activity-undo").Click();

        Providers.WaitForAssertion(() => Assert.Contains("Some products were left as they are", Providers.Markup));
        var skipped = Providers.Find(".skipped-products tbody tr").TextContent;
        Assert.Contains("Blue mug", skipped);
        Assert.Contains("MUG-1", skipped);
        Assert.Contains("It was changed after this batch", skipped);

        Sender.Answer<UndoBatchCommand, BatchUndoResult>(_ => throw new RequestValidationException("BatchId", "This has been undone already."));
        page.Find("button.activity-undo").Click();
        Assert.Contains("This has been undone already.", SnackbarMessages());
    }
}
