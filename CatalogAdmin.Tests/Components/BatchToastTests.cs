using Bunit;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Shared;
using CatalogAdmin.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CatalogAdmin.Tests.Components;

/// <summary>A bulk action's and an import's toast carry Undo, which undoes that batch; the undo's own toast follows its notification.</summary>
public sealed class BatchToastTests : MudBunitContext
{
    private static readonly Guid BatchId = Guid.Parse("0195f0a0-0000-7000-8000-0000000000c1");

    [Fact]
    public async Task A_bulk_toast_says_what_changed_and_its_undo_button_undoes_that_batch()
    {
        var providers = Providers;
        Sender.Answer<UndoBatchCommand, BatchUndoResult>(_ => new BatchUndoResult(3, [], "Undid it"));
        var toast = new ShowBulkToast(Services.GetRequiredService<ISnackbar>(), Services.GetRequiredService<BatchUndo>());

        await providers.InvokeAsync(() => toast.Handle(
            new ProductsChangedInBulkNotification(BatchId, BulkActionKind.AdjustPrice, "Raised the price of 3 products by 10%", 3, 1, DateTimeOffset.UtcNow), default));

        Assert.Equal(["Raised the price of 3 products by 10%; 1 skipped"], SnackbarMessages());
        providers.WaitForAssertion(() => Assert.Contains("Undo", providers.Find(".mud-snackbar button").TextContent));
        providers.Find(".mud-snackbar button").Click();
        providers.WaitForAssertion(() => Assert.Equal(new UndoBatchCommand(BatchId), Assert.Single(Sender.SentOf<UndoBatchCommand>())));
    }

    [Fact]
    public async Task An_import_toast_offers_undo_and_an_undo_toast_says_what_it_did()
    {
        var providers = Providers;
        Sender.Answer<UndoBatchCommand, BatchUndoResult>(_ => new BatchUndoResult(2, [], "Undid it"));
        var importToast = new ShowImportToast(Services.GetRequiredService<ISnackbar>(), Services.GetRequiredService<BatchUndo>());
        var undoToast = new ShowBatchUndoToast(Services.GetRequiredService<ISnackbar>());

        await providers.InvokeAsync(() => importToast.Handle(new ProductsImportedNotification(BatchId, 1, 1, 0, 0, 0, DateTimeOffset.UtcNow), default));
        Assert.Equal(["Imported 2 products: 1 created, 1 updated"], SnackbarMessages());
        providers.WaitForAssertion(() => providers.Find(".mud-snackbar button").Click());
        await providers.InvokeAsync(() => undoToast.Handle(
            new ProductBatchUndoneNotification(BatchId, [Guid.NewGuid(), Guid.NewGuid()], 0, "Undid “Imported 2 products: 1 created, 1 updated”: 2 products back as they were", DateTimeOffset.UtcNow), default));

        Assert.Equal(new UndoBatchCommand(BatchId), Assert.Single(Sender.SentOf<UndoBatchCommand>()));
        Assert.Contains("Undid “Imported 2 products: 1 created, 1 updated”: 2 products back as they were", SnackbarMessages());
    }
}
