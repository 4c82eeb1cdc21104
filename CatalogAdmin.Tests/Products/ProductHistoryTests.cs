using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Products;

public class ProductHistoryTests : HandlerTest
{
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_writes_a_created_entry_with_every_value_as_invariant_text()
    {
        var lamps = await Host.SendAsync(new CreateCategoryCommand("Lamps"));
        Host.User.SignInAs("ana@example.com", Roles.Editor);

        var id = await Host.SendAsync(new CreateProductCommand(new ProductFields("Desk lamp", "lamp-1", "  ", 1234.5m, 3, ProductStatus.Draft, lamps)));

        var entry = Assert.Single((await History(id)).Items);
        Assert.Equal((ProductHistoryKind.Created, ChangeSource.Form, "ana@example.com", "Editor", 1L, Host.Clock.GetUtcNow()),
            (entry.Kind, entry.Source, entry.ChangedBy, entry.ChangedByRole, entry.VersionAfter, entry.OccurredAt));
        Assert.Equal(
            [
                new FieldChange("Name", null, "Desk lamp"),
                new FieldChange("Sku", null, "LAMP-1"),
                new FieldChange("Price", null, "1234.50"),
                new FieldChange("Stock", null, "3"),
                new FieldChange("Status", null, "Draft"),
                new FieldChange("Category", null, "Lamps"),
            ],
            entry.Changes);
    }

    [Fact]
    public async Task An_update_records_exactly_the_fields_it_changed_with_old_and_new_values()
    {
        var lamps = await Host.SendAsync(new CreateCategoryCommand("Lamps"));
        var desks = await Host.SendAsync(new CreateCategoryCommand("Desks"));
        var id = await Host.SendAsync(new CreateProductCommand(new ProductFields("Desk lamp", "LAMP-1", "Bright.", 19.99m, 3, ProductStatus.Active, null)));

        await Update(id, f => f with { Price = 24.5m, Stock = 10 });
        await Update(id, f => f with { Description = "" });
        await Update(id, f => f with { Status = ProductStatus.Archived, CategoryId = lamps });
        await Update(id, f => f with { CategoryId = desks, Name = "Desk lamp XL", Sku = "lamp-2" });
        await Update(id, f => f with { CategoryId = null, Description = "Back again" });

        var changes = (await History(id)).Items.Reverse().Skip(1).Select(e => e.Changes).ToList();
        Assert.Equal(
            [
                [new FieldChange("Price", "19.99", "24.50"), new FieldChange("Stock", "3", "10")],
                [new FieldChange("Description", "Bright.", null)],
                [new FieldChange("Status", "Active", "Archived"), new FieldChange("Category", null, "Lamps")],
                [new FieldChange("Name", "Desk lamp", "Desk lamp XL"), new FieldChange("Sku", "LAMP-1", "LAMP-2"), new FieldChange("Category", "Lamps", "Desks")],
                [new FieldChange("Description", null, "Back again"), new FieldChange("Category", "Desks", null)],
            ],
            changes);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_no_entry_and_entries_carry_the_version_after()
    {
        var id = await CreateAsync(price: 19.99m);

        var unchanged = await Update(id, f => f with { Name = "  Desk lamp " });
        var changed = await Update(id, f => f with { Price = 20m });

        var entries = (await History(id)).Items;
        Assert.Equal([(ProductHistoryKind.Updated, changed), (ProductHistoryKind.Created, 1L)], entries.Select(e => (e.Kind, e.VersionAfter)));
        Assert.Equal(1, unchanged); // a save that changes nothing keeps the version
    }

    [Fact]
    public async Task History_is_newest_first_and_paged()
    {
        var id = await CreateAsync(stock: 0);
        for (var stock = 1; stock <= 6; stock++)
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await Update(id, f => f with { Stock = stock });
        }

        var page = await Host.SendAsync(new ListProductHistoryQuery(id, Page: 2, PageSize: 3));

        Assert.Equal(7, page.TotalCount);
        Assert.Equal(["3", "2", "1"], page.Items.Select(e => e.Changes.Single().NewValue));
        Assert.True(page.Items[0].OccurredAt > page.Items[1].OccurredAt);
        Assert.Empty((await Host.SendAsync(new ListProductHistoryQuery(Guid.NewGuid()))).Items);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_change_and_its_entry_are_saved_together_or_not_at_all(bool create)
    {
        var id = create ? Guid.Empty : await CreateAsync(sku: "LAMP-1", price: 19.99m);
        // The failure comes between the two writes of one save, whichever goes first: the entry's insert fails once the
        // product's row holds its new version, and the product's update fails once its entry is there.
        await using (var db = Host.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync(Host.OnPostgreSql ? FailBetweenWritesOnPostgreSql : """
                CREATE TRIGGER FailHistoryAfterProduct BEFORE INSERT ON ProductHistory
                WHEN (SELECT Version FROM Products WHERE Id = NEW.ProductId) = NEW.VersionAfter
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
                CREATE TRIGGER FailProductAfterHistory BEFORE UPDATE ON Products
                WHEN EXISTS (SELECT 1 FROM ProductHistory WHERE ProductId = NEW.Id AND VersionAfter = NEW.Version)
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
                """, Cancellation);
        }

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => create
            ? Host.SendAsync(ValidCreate(sku: "CHAIR-1"))
            : Host.SendAsync(new UpdateProductCommand(id, ValidFields(sku: "LAMP-1", price: 24.99m), 1)));

        Assert.Contains("injected failure", failure.InnerException?.Message, StringComparison.Ordinal);
        await using var check = Host.OpenDb();
        Assert.Equal(create ? 0 : 1, await check.ProductHistory.CountAsync(Cancellation));
        Assert.False(await check.Products.AnyAsync(p => p.Sku == "CHAIR-1", Cancellation));
        if (!create)
        {
            var stored = await check.Products.AsNoTracking().SingleAsync(Cancellation);
            Assert.Equal((19.99m, 1L), (stored.Price, stored.Version));
        }
    }

    [Fact]
    public async Task Revert_sets_the_fields_back_as_a_new_version_with_its_own_entry_and_notification()
    {
        var lamps = await Host.SendAsync(new CreateCategoryCommand("Lamps"));
        var id = await CreateAsync(price: 19.99m, stock: 3);
        await Update(id, f => f with { Price = 24.99m, Stock = 10, CategoryId = lamps });
        await Host.SendAsync(new RenameCategoryCommand(lamps, "Lighting"));
        var change = (await History(id)).Items[0];
        Host.User.SignInAs("ed@example.com", Roles.Editor);

        var version = await Host.SendAsync(new RevertProductChangeCommand(change.Id));

        var product = (await Host.SendAsync(new GetProductQuery(id)))!;
        Assert.Equal((19.99m, 3, (Guid?)null, 3L, version), (product.Fields.Price, product.Fields.Stock, product.Fields.CategoryId, product.Version, version));
        var revert = (await History(id)).Items[0];
        Assert.Equal((ProductHistoryKind.Reverted, ChangeSource.Revert, "ed@example.com", 3L), (revert.Kind, revert.Source, revert.ChangedBy, revert.VersionAfter));
        Assert.Equal(
            [new FieldChange("Price", "24.99", "19.99"), new FieldChange("Stock", "10", "3"), new FieldChange("Category", "Lighting", null)],
            revert.Changes);
        var published = Assert.IsType<ProductUpdatedNotification>(Notifications.Published.Last());
        Assert.Equal((ChangeSource.Revert, 19.99m, "ed@example.com"), (published.Source, published.After.Price, published.ChangedBy));
    }

    [Fact]
    public async Task Revert_of_a_field_changed_since_writes_nothing_and_names_the_field_with_its_value_now_then_the_others_can_be_reverted()
    {
        var id = await CreateAsync(price: 19.99m, stock: 3);
        await Update(id, f => f with { Price = 24.99m, Stock = 10 });
        var change = (await History(id)).Items[0];
        await Update(id, f => f with { Price = 30m, Name = "Lamp" });
        var published = Notifications.Published.Count;

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Host.SendAsync(new RevertProductChangeCommand(change.Id)));

        Assert.Equal([new FieldChangedSince("Price", "30.00")], conflict.ChangedSince);
        Assert.Equal((3, 3L), ((await History(id)).TotalCount, (await Host.SendAsync(new GetProductQuery(id)))!.Version));
        Assert.Equal(published, Notifications.Published.Count);

        await Host.SendAsync(new RevertProductChangeCommand(change.Id, ["Stock"]));

        var product = (await Host.SendAsync(new GetProductQuery(id)))!;
        Assert.Equal((30m, 3, "Lamp"), (product.Fields.Price, product.Fields.Stock, product.Fields.Name));
        Assert.Equal([new FieldChange("Stock", "10", "3")], (await History(id)).Items[0].Changes);
    }

    [Fact]
    public async Task A_field_changed_and_changed_back_since_is_no_conflict()
    {
        var id = await CreateAsync(price: 19.99m);
        await Update(id, f => f with { Price = 24.99m });
        var change = (await History(id)).Items[0];
        await Update(id, f => f with { Price = 30m });
        await Update(id, f => f with { Price = 24.99m });

        await Host.SendAsync(new RevertProductChangeCommand(change.Id));

        Assert.Equal(19.99m, (await Host.SendAsync(new GetProductQuery(id)))!.Fields.Price);
    }

    [Fact]
    public async Task Only_a_change_of_fields_can_be_reverted_and_only_fields_it_changed()
    {
        var id = await CreateAsync();
        await Update(id, f => f with { Stock = 9 });
        var entries = (await History(id)).Items;

        var created = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new RevertProductChangeCommand(entries[1].Id)));
        var notChanged = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new RevertProductChangeCommand(entries[0].Id, ["Price"])));
        var unknown = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new RevertProductChangeCommand(entries[0].Id, ["Colour"])));
        await Assert.ThrowsAsync<NotFoundException>(() => Host.SendAsync(new RevertProductChangeCommand(12345)));

        Assert.Contains("EntryId", created.Errors.Keys);
        Assert.Equal(["That change did not change Price."], notChanged.Errors["Fields"]);
        Assert.Equal(["\"Colour\" is not a product field."], unknown.Errors["Fields"]);
        Assert.Equal(2, (await History(id)).TotalCount);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(null)]
    public async Task Revert_and_undo_need_an_editor_or_an_admin(string? role)
    {
        var id = await CreateAsync();
        await Update(id, f => f with { Stock = 9 });
        var change = (await History(id)).Items[0];
        if (role is null)
        {
            Host.User.SignOut();
        }
        else
        {
            Host.User.SignInAs("viewer@example.com", role);
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(new RevertProductChangeCommand(change.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(new UndoBatchCommand(Guid.NewGuid())));
        if (role is not null)
        {
            Assert.Equal(2, (await History(id)).TotalCount); // a Viewer reads history
        }
    }

    [Fact]
    public async Task Undo_batch_puts_back_what_nobody_changed_since_trashes_what_it_created_lists_the_rest_and_happens_once()
    {
        var lamps = await Host.SendAsync(new CreateCategoryCommand("Lamps"));
        var lampId = await CreateAsync(sku: "LAMP-1", price: 19.99m, stock: 3);
        var chairId = await CreateAsync(sku: "CHAIR-1", name: "Chair", price: 49m, stock: 2);
        var untouchedId = await CreateAsync(sku: "DESK-1", name: "Desk", price: 99m);
        var batch = Guid.NewGuid();
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await ChangeInBatch(batch, lampId, f => f with { Price = 17.99m, CategoryId = lamps, Description = null });
        await ChangeInBatch(batch, chairId, f => f with { Price = 39m });
        var createdId = await CreateInBatch(batch, new ProductFields("Stool", "STOOL-1", null, 25m, 4));
        // Someone edits the chair after the batch.
        await Update(chairId, f => f with { Stock = 7 });

        var result = await Host.SendAsync(new UndoBatchCommand(batch));

        Assert.Equal(2, result.Reverted);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal((chairId, "Chair", "CHAIR-1"), (skipped.Id, skipped.Name, skipped.Sku));
        Assert.Contains("changed after this batch", skipped.Reason, StringComparison.Ordinal);
        var lamp = (await Host.SendAsync(new GetProductQuery(lampId)))!;
        Assert.Equal((19.99m, (Guid?)null, "A lamp for the desk.", 3L), (lamp.Fields.Price, lamp.Fields.CategoryId, lamp.Fields.Description, lamp.Version));
        Assert.Equal((39m, 7), ((await Host.SendAsync(new GetProductQuery(chairId)))!.Fields.Price, (await Host.SendAsync(new GetProductQuery(chairId)))!.Fields.Stock));
        Assert.Null(await Host.SendAsync(new GetProductQuery(createdId)));
        Assert.Equal(1L, (await Host.SendAsync(new GetProductQuery(untouchedId)))!.Version);
        var undoEntry = (await History(lampId)).Items[0];
        Assert.Equal((ProductHistoryKind.Reverted, ChangeSource.Undo), (undoEntry.Kind, undoEntry.Source));
        Assert.Equal(
            [new FieldChange("Description", null, "A lamp for the desk."), new FieldChange("Price", "17.99", "19.99"), new FieldChange("Category", "Lamps", null)],
            undoEntry.Changes);

        // What the batch created went to the trash, from where it can still come back.
        var trashed = Assert.Single((await Host.SendAsync(new ListTrashQuery())).Items);
        Assert.Equal(createdId, trashed.Id);
        var trashedEntry = (await History(createdId)).Items[0];
        Assert.Equal((ProductHistoryKind.Trashed, ChangeSource.Undo), (trashedEntry.Kind, trashedEntry.Source));
        // Moved by whoever undid, when they did, to the version its history entry names (the products an undo moves to
        // the trash are written together, not through SaveChanges).
        Assert.NotNull(trashedEntry.ChangedBy);
        Assert.Equal((trashedEntry.ChangedBy, Host.Clock.GetUtcNow()), (trashed.DeletedBy, trashed.DeletedAt));
        Assert.Equal((2L, 2L), (await StoredVersionAsync(createdId), trashedEntry.VersionAfter));

        // A batch is undone once.
        var again = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new UndoBatchCommand(batch)));
        Assert.Equal(["This has been undone already."], again.Errors["BatchId"]);
    }

    [Fact]
    public async Task A_batch_is_undone_once_even_when_the_undo_left_no_activity_entry()
    {
        var id = await CreateAsync(sku: "LAMP-1", price: 19.99m);
        var batch = Guid.NewGuid();
        await ChangeInBatch(batch, id, f => f with { Price = 17.99m });
        Assert.Equal(1, (await Host.SendAsync(new UndoBatchCommand(batch))).Reverted);

        // The undo's activity entry is written by a notification handler after the save; as if that write had failed:
        await using (var db = Host.OpenDb())
        {
            Assert.Equal(1, await db.Activity.Where(e => e.BatchId == batch).ExecuteDeleteAsync(Cancellation));
        }

        var again = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new UndoBatchCommand(batch)));
        Assert.Equal(["This has been undone already."], again.Errors["BatchId"]);
        var product = (await Host.SendAsync(new GetProductQuery(id)))!;
        Assert.Equal((19.99m, 3L), (product.Fields.Price, product.Version));
    }

    [Fact]
    public async Task Two_undos_of_one_batch_sent_at_once_undo_it_once_and_the_other_is_told_so()
    {
        var ids = new List<Guid>();
        var batch = Guid.NewGuid();
        foreach (var n in Enumerable.Range(1, 20))
        {
            ids.Add(await CreateAsync(sku: $"LAMP-{n}", price: 19.99m));
            await ChangeInBatch(batch, ids[^1], f => f with { Price = 17.99m });
        }

        var undos = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (Result: await Host.SendAsync(new UndoBatchCommand(batch)), Refusal: (string?)null);
            }
            catch (RequestValidationException refused)
            {
                return (Result: (BatchUndoResult?)null, Refusal: refused.Errors["BatchId"].Single());
            }
        })));

        var ran = Assert.Single(undos, u => u.Result is not null).Result!;
        Assert.Equal((20, 0), (ran.Reverted, ran.Skipped.Count));
        Assert.Equal("This has been undone already.", Assert.Single(undos, u => u.Result is null).Refusal);
        foreach (var id in ids)
        {
            Assert.Equal(19.99m, (await Host.SendAsync(new GetProductQuery(id)))!.Fields.Price);
        }
    }

    [Fact]
    public async Task Undo_batch_skips_a_product_whose_old_sku_is_taken_since()
    {
        var id = await CreateAsync(sku: "LAMP-1");
        var batch = Guid.NewGuid();
        await ChangeInBatch(batch, id, f => f with { Sku = "LAMP-2" });
        await CreateAsync(sku: "lamp-1", name: "Another lamp");

        var result = await Host.SendAsync(new UndoBatchCommand(batch));

        Assert.Equal(0, result.Reverted);
        Assert.Equal("Its old SKU is now used by another product.", Assert.Single(result.Skipped).Reason);
        Assert.Equal("LAMP-2", (await Host.SendAsync(new GetProductQuery(id)))!.Fields.Sku);
    }

    private Task<PagedResult<ProductHistoryEntryDto>> History(Guid id) => Host.SendAsync(new ListProductHistoryQuery(id));

    private async Task<long> Update(Guid id, Func<ProductFields, ProductFields> change)
    {
        var product = (await Host.SendAsync(new GetProductQuery(id)))!;
        return await Host.SendAsync(new UpdateProductCommand(id, change(product.Fields), product.Version));
    }

    /// <summary>What an import or bulk action does for one product: a change and its entry, with the batch's id.</summary>
    private async Task ChangeInBatch(Guid batch, Guid id, Func<ProductFields, ProductFields> change)
    {
        await using var db = Host.OpenDb();
        var product = await db.Products.SingleAsync(p => p.Id == id, Cancellation);
        var before = product.Fields;
        product.Update(change(before), Host.Clock.GetUtcNow());
        ProductHistory.Record(db, product, before, ProductHistoryKind.Updated, ChangeSource.Import, "importer@example.com", Host.Clock.GetUtcNow(), batch);
        await db.SaveChangesAsync(Cancellation);
    }

    private async Task<Guid> CreateInBatch(Guid batch, ProductFields fields)
    {
        await using var db = Host.OpenDb();
        var product = new Product(fields, Host.Clock.GetUtcNow());
        db.Products.Add(product);
        ProductHistory.Record(db, product, null, ProductHistoryKind.Created, ChangeSource.Import, "importer@example.com", Host.Clock.GetUtcNow(), batch);
        await db.SaveChangesAsync(Cancellation);
        return product.Id;
    }

    private const string FailBetweenWritesOnPostgreSql = """
        CREATE OR REPLACE FUNCTION test_fail_history_after_product() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            IF (SELECT "Version" FROM "Products" WHERE "Id" = NEW."ProductId") = NEW."VersionAfter" THEN RAISE EXCEPTION 'injected failure'; END IF;
            RETURN NEW;
        END $$;
        CREATE OR REPLACE FUNCTION test_fail_product_after_history() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            IF EXISTS (SELECT 1 FROM "ProductHistory" WHERE "ProductId" = NEW."Id" AND "VersionAfter" = NEW."Version") THEN RAISE EXCEPTION 'injected failure'; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER "FailHistoryAfterProduct" BEFORE INSERT ON "ProductHistory" FOR EACH ROW EXECUTE FUNCTION test_fail_history_after_product();
        CREATE TRIGGER "FailProductAfterHistory" BEFORE UPDATE ON "Products" FOR EACH ROW EXECUTE FUNCTION test_fail_product_after_history();
        """;
}
