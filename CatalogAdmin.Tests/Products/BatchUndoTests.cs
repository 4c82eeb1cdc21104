using System.Text;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Products;

/// <summary>
/// Imports, bulk actions, quick edits, trash and restore write history; an import or bulk action is one activity entry
/// with its batch id, and its undo (itself recorded) puts back what nobody changed since.
/// </summary>
public class BatchUndoTests : HandlerTest
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Task<PagedResult<ProductHistoryEntryDto>> History(Guid id) => Host.SendAsync(new ListProductHistoryQuery(id));

    private async Task<List<Guid?>> BatchIdsOf(Guid productId)
    {
        await using var db = Host.OpenDb();
        return await db.ProductHistory.Where(e => e.ProductId == productId).OrderBy(e => e.Id).Select(e => e.BatchId).ToListAsync(Cancellation);
    }

    private async Task<ProductFields> FieldsOf(Guid id) => (await Host.SendAsync(new GetProductQuery(id)))!.Fields;

    [Fact]
    public async Task Deleting_and_restoring_write_trashed_and_restored_entries()
    {
        Host.User.SignInAs("editor@example.com", Roles.Editor);
        var id = await CreateAsync();

        await Host.SendAsync(new DeleteProductCommand(id));
        await Host.SendAsync(new RestoreProductCommand(id));

        var history = (await History(id)).Items;
        Assert.Equal(
            [(ProductHistoryKind.Restored, ChangeSource.Restore), (ProductHistoryKind.Trashed, ChangeSource.Form), (ProductHistoryKind.Created, ChangeSource.Form)],
            history.Select(e => (e.Kind, e.Source)));
        Assert.All(history, e => Assert.Equal(("editor@example.com", Roles.Editor), (e.ChangedBy, e.ChangedByRole)));
        Assert.Empty(history[0].Changes);
        Assert.Equal(3L, history[0].VersionAfter);
    }

    [Fact]
    public async Task A_bulk_price_change_is_one_activity_entry_one_history_entry_per_product_and_its_undo_skips_what_changed_since()
    {
        var lamp = await CreateAsync(sku: "LAMP-1", price: 20.00m);
        var mug = await CreateAsync(sku: "MUG-1", name: "Mug", price: 10.00m);
        var desk = await CreateAsync(sku: "DESK-1", name: "Desk", price: 100.00m);

        var bulk = await Host.SendAsync(new AdjustProductPricesCommand(
            BulkSelection.OfIds([lamp, mug, desk]), new PriceAdjustment(PriceAdjustmentKind.Percent, 10m)));

        foreach (var id in new[] { lamp, mug, desk })
        {
            var entry = (await History(id)).Items[0];
            Assert.Equal((ProductHistoryKind.Updated, ChangeSource.Bulk), (entry.Kind, entry.Source));
            Assert.Equal(bulk.BatchId, (await BatchIdsOf(id))[^1]);
        }

        Assert.Equal(new FieldChange("Price", "20.00", "22.00"), Assert.Single((await History(lamp)).Items[0].Changes));
        var logged = (await Host.SendAsync(new ListActivityQuery())).Items[0];
        Assert.Equal(
            (ActivityBatchKind.Bulk, bulk.BatchId, 3, "Raised the price of 3 products by 10%", false, true),
            (logged.Batch, logged.BatchId, logged.ProductCount, logged.Detail, logged.Undone, logged.CanUndo));

        // Someone edits the mug after the bulk action: the undo leaves it as they left it.
        var mugNow = (await Host.SendAsync(new GetProductQuery(mug)))!;
        await Host.SendAsync(new UpdateProductCommand(mug, mugNow.Fields with { Stock = 1 }, mugNow.Version));

        var undo = await Host.SendAsync(new UndoBatchCommand(bulk.BatchId));

        Assert.Equal(2, undo.Reverted);
        Assert.Equal(mug, Assert.Single(undo.Skipped).Id);
        Assert.Equal("Undid “Raised the price of 3 products by 10%”: 2 products back as they were, 1 skipped", undo.Summary);
        Assert.Equal((20.00m, 11.00m, 100.00m), ((await FieldsOf(lamp)).Price, (await FieldsOf(mug)).Price, (await FieldsOf(desk)).Price));
        Assert.Equal((ProductHistoryKind.Reverted, ChangeSource.Undo), ((await History(desk)).Items[0].Kind, (await History(desk)).Items[0].Source));

        var log = (await Host.SendAsync(new ListActivityQuery())).Items;
        Assert.Equal((ActivityBatchKind.Undo, bulk.BatchId, 2, undo.Summary), (log[0].Batch, log[0].BatchId, log[0].ProductCount, log[0].Detail));
        var original = Assert.Single(log, e => e.Batch == ActivityBatchKind.Bulk);
        Assert.Equal((true, false), (original.Undone, original.CanUndo));
        Assert.False(log[0].CanUndo); // an undo is not undone again from the log; each product's history can revert it
    }

    [Fact]
    public async Task Moving_products_to_the_trash_in_bulk_is_undone_by_bringing_them_back()
    {
        var lamp = await CreateAsync(sku: "LAMP-1");
        var mug = await CreateAsync(sku: "MUG-1", name: "Mug");

        var trashed = await Host.SendAsync(new MoveProductsToTrashCommand(BulkSelection.OfIds([lamp, mug])));

        Assert.Equal((2, "Moved 2 products to the trash"), (trashed.Changed, trashed.Summary));
        Assert.Equal(0, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
        var inTrash = await Host.SendAsync(new ListTrashQuery());
        Assert.Equal(2, inTrash.TotalCount);
        var trashedEntry = (await History(lamp)).Items[0];
        Assert.Equal((ProductHistoryKind.Trashed, ChangeSource.Bulk), (trashedEntry.Kind, trashedEntry.Source));
        Assert.Equal(BulkActionKind.MoveToTrash, Assert.Single(Notifications.Bulk).Action);
        // Written together, not through SaveChanges: by whom and when, at the version each history entry names.
        Assert.NotNull(trashedEntry.ChangedBy);
        Assert.All(inTrash.Items, item => Assert.Equal((trashedEntry.ChangedBy, Host.Clock.GetUtcNow()), (item.DeletedBy, item.DeletedAt)));
        Assert.Equal((2L, 2L), (await StoredVersionAsync(lamp), trashedEntry.VersionAfter));

        var undo = await Host.SendAsync(new UndoBatchCommand(trashed.BatchId));

        Assert.Equal((2, 0), (undo.Reverted, undo.Skipped.Count));
        Assert.Equal(2, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
        Assert.Equal(0, (await Host.SendAsync(new ListTrashQuery())).TotalCount);
        var restoredEntry = (await History(mug)).Items[0];
        Assert.Equal((ProductHistoryKind.Restored, ChangeSource.Undo), (restoredEntry.Kind, restoredEntry.Source));
        Assert.Equal((3L, 3L), (await StoredVersionAsync(mug), restoredEntry.VersionAfter));
        Assert.Equal(3L, (await Host.SendAsync(new GetProductQuery(mug)))!.Version);
    }

    [Fact]
    public async Task A_quick_edit_save_writes_quick_edit_history_with_its_batch_id_and_can_be_undone()
    {
        var lamp = await CreateAsync(sku: "LAMP-1", stock: 5);
        var product = (await Host.SendAsync(new GetProductQuery(lamp)))!;

        var saved = await Host.SendAsync(new SaveQuickEditsCommand(
            [new QuickEditRow(lamp, product.Version, QuickEditFields.Of(product.Fields) with { Stock = 9 })]));

        var entry = (await History(lamp)).Items[0];
        Assert.Equal((ChangeSource.QuickEdit, new FieldChange("Stock", "5", "9")), (entry.Source, Assert.Single(entry.Changes)));
        Assert.Equal(saved.BatchId, (await BatchIdsOf(lamp))[^1]);

        await Host.SendAsync(new UndoBatchCommand(saved.BatchId));

        Assert.Equal(5, (await FieldsOf(lamp)).Stock);
    }

    [Fact]
    public async Task An_import_is_one_activity_entry_its_products_have_import_history_and_undo_trashes_what_it_created()
    {
        var lamp = await CreateAsync(sku: "LAMP-1", price: 19.99m);
        var text = "SKU,Name,Price\r\nLAMP-1,Desk lamp,24.99\r\nSTOOL-1,Stool,30.00\r\n";
        var preview = await Host.SendAsync(new PreviewProductImportQuery(File(text)));
        var imported = await Host.SendAsync(new ApplyProductImportCommand(File(text), preview));

        var updated = (await History(lamp)).Items[0];
        Assert.Equal((ProductHistoryKind.Updated, ChangeSource.Import), (updated.Kind, updated.Source));
        Assert.Equal(new FieldChange("Price", "19.99", "24.99"), Assert.Single(updated.Changes));
        Assert.Equal(imported.ImportId, (await BatchIdsOf(lamp))[^1]);
        var stool = Assert.Single((await Host.SendAsync(new ListProductsQuery(new ProductFilter(Search: "STOOL-1")))).Items).Id;
        Assert.Equal((ProductHistoryKind.Created, ChangeSource.Import), ((await History(stool)).Items[0].Kind, (await History(stool)).Items[0].Source));
        var logged = (await Host.SendAsync(new ListActivityQuery())).Items[0];
        Assert.Equal(
            (ActivityBatchKind.Import, imported.ImportId, 2, "Imported 2 products: 1 created, 1 updated", true),
            (logged.Batch, logged.BatchId, logged.ProductCount, logged.Detail, logged.CanUndo));

        var undo = await Host.SendAsync(new UndoBatchCommand(imported.ImportId));

        Assert.Equal(2, undo.Reverted);
        Assert.Equal(19.99m, (await FieldsOf(lamp)).Price);
        Assert.Null(await Host.SendAsync(new GetProductQuery(stool)));
        Assert.Equal(stool, Assert.Single((await Host.SendAsync(new ListTrashQuery())).Items).Id);
    }

    [Fact]
    public async Task An_import_row_whose_sku_a_trashed_product_holds_is_an_error_that_names_it()
    {
        var lamp = await CreateAsync(sku: "LAMP-1", name: "Old lamp");
        await Host.SendAsync(new DeleteProductCommand(lamp));

        var preview = await Host.SendAsync(new PreviewProductImportQuery(File("SKU,Name,Price\r\nLAMP-1,New lamp,24.99\r\n")));

        Assert.Equal((0, 0, 1), (preview.ToCreate, preview.ToUpdate, preview.RowsWithErrors));
        var error = Assert.Single(preview.Errors);
        Assert.Equal((2, "SKU"), (error.Row, error.Column));
        Assert.Equal("SKU LAMP-1 is held by “Old lamp”, a product in the trash. Restore that product, or delete it permanently, to use the SKU here.", error.Message);
    }

    [Fact]
    public async Task A_viewer_sees_no_undo_and_may_not_undo()
    {
        var lamp = await CreateAsync(sku: "LAMP-1");
        var bulk = await Host.SendAsync(new SetProductStockCommand(BulkSelection.OfIds([lamp]), 50));

        Host.User.SignInAs("viewer@example.com", Roles.Viewer);

        Assert.False((await Host.SendAsync(new ListActivityQuery())).Items[0].CanUndo);
        await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(new UndoBatchCommand(bulk.BatchId)));
        Host.User.SignInAs("admin@example.com", Roles.Admin);
        Assert.Equal(50, (await FieldsOf(lamp)).Stock);
    }

    [Fact]
    public async Task Undoing_a_batch_that_changed_nothing_is_refused_with_a_message()
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new UndoBatchCommand(Guid.NewGuid())));

        Assert.Equal(["There is nothing to undo: no product has a change from this batch."], refused.Errors["BatchId"]);
    }

    private static MemoryStream File(string text) => new([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

    /// <summary>
    /// A batch of price changes alone is undone by the database (PriceUndoInDatabase); any other by the products'
    /// entities. Both write the same: the old price, a new version and time, and a Reverted entry from the new price to
    /// the old, by whom, with which role.
    /// </summary>
    [Fact]
    public async Task A_batch_of_price_changes_alone_is_undone_by_the_database_as_the_entities_undo_it()
    {
        var lamp = await CreateAsync(sku: "LAMP-1", price: 10.00m, stock: 5);
        var mug = await CreateAsync(sku: "MUG-1", name: "Mug", price: 4.50m, stock: 5);
        var cup = await CreateAsync(sku: "CUP-1", name: "Cup", price: 3.00m, stock: 5);
        var desk = await CreateAsync(sku: "DESK-1", name: "Desk", price: 100.00m, stock: 5);

        var prices = await Host.SendAsync(new AdjustProductPricesCommand(BulkSelection.OfIds([lamp, mug, cup]), new PriceAdjustment(PriceAdjustmentKind.Percent, 10m)));
        var stock = await Host.SendAsync(new SetProductStockCommand(BulkSelection.OfIds([desk]), 9));
        var deskNow = (await Host.SendAsync(new GetProductQuery(desk)))!;
        var quickEdit = await Host.SendAsync(new SaveQuickEditsCommand(
            [new QuickEditRow(desk, deskNow.Version, QuickEditFields.Of(deskNow.Fields) with { Price = 12.00m, Stock = 1 })]));

        await using (var db = Host.OpenDb())
        {
            Assert.True(await PriceUndoInDatabase.AppliesToAsync(db, prices.BatchId, Cancellation));
            Assert.False(await PriceUndoInDatabase.AppliesToAsync(db, stock.BatchId, Cancellation));
            Assert.False(await PriceUndoInDatabase.AppliesToAsync(db, quickEdit.BatchId, Cancellation)); // price and stock
        }

        // The cup is changed since (its stock, on the form): skipped, its price left at what the batch made it.
        var cupNow = (await Host.SendAsync(new GetProductQuery(cup)))!;
        await Host.SendAsync(new UpdateProductCommand(cup, cupNow.Fields with { Stock = 2 }, cupNow.Version));
        await Host.SendAsync(new UndoBatchCommand(stock.BatchId)); // through the entities, by the same user: to compare with
        Host.Clock.Advance(TimeSpan.FromMinutes(3));
        var before = await StoredVersionAsync(lamp);

        var undo = await Host.SendAsync(new UndoBatchCommand(prices.BatchId));

        Assert.Equal(2, undo.Reverted);
        var skipped = Assert.Single(undo.Skipped);
        Assert.Equal((cup, "Cup", "CUP-1", UndoBatchHandler.ChangedSinceReason), (skipped.Id, skipped.Name, skipped.Sku, skipped.Reason));
        Assert.Equal(3.30m, (await Host.SendAsync(new GetProductQuery(cup)))!.Fields.Price);
        Assert.Equal(4.50m, (await Host.SendAsync(new GetProductQuery(mug)))!.Fields.Price);
        Assert.Equal(before + 1, await StoredVersionAsync(lamp));
        var lampBack = (await Host.SendAsync(new GetProductQuery(lamp)))!;
        Assert.Equal((10.00m, 5, Host.Clock.GetUtcNow()), (lampBack.Fields.Price, lampBack.Fields.Stock, lampBack.UpdatedAt));
        var reverted = (await History(lamp)).Items[0];
        var stockUndone = (await History(desk)).Items[0]; // written through the entities, by the same user
        Assert.Equal(
            (ProductHistoryKind.Reverted, ChangeSource.Undo, stockUndone.ChangedBy, stockUndone.ChangedByRole, Host.Clock.GetUtcNow(), before + 1),
            (reverted.Kind, reverted.Source, reverted.ChangedBy, reverted.ChangedByRole, reverted.OccurredAt, reverted.VersionAfter));
        Assert.Equal([new FieldChange("Price", "11.00", "10.00")], reverted.Changes);
        var logged = (await Host.SendAsync(new ListActivityQuery())).Items[0]; // written from the notification
        Assert.Equal((ActivityBatchKind.Undo, prices.BatchId, 2, undo.Summary), (logged.Batch, logged.BatchId, logged.ProductCount, logged.Detail));
        Assert.EndsWith("2 products back as they were, 1 skipped", undo.Summary, StringComparison.Ordinal);
    }
}
