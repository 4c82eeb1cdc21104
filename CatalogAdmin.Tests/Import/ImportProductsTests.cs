using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Tests.Import;

/// <summary>Preview and apply: SKU as the key, only the columns present, errors by row, conflicts, one notification.</summary>
public class ImportProductsTests : ImportTest
{
    [Fact]
    public async Task Only_the_columns_present_update_a_blank_optional_cell_clears_and_a_new_category_is_created_and_said()
    {
        await Host.SendAsync(new CreateProductCommand(Fields("UPD-1", "Old name", 5m, 2, "Old description")));
        var text = Lines("SKU,Description,Stock,Category", "upd-1,,9,Kitchen");

        var preview = await PreviewAsync(text);
        Assert.Equal((0, 1, 0, 0), (preview.ToCreate, preview.ToUpdate, preview.Unchanged, preview.RowsWithErrors));
        Assert.Equal(["Kitchen"], preview.NewCategories);
        var sample = Assert.Single(preview.Samples);
        Assert.Equal(
            [new ImportedFieldChange("Description", "Old description", null), new ImportedFieldChange("Stock", "2", "9"), new ImportedFieldChange("Category", null, "Kitchen")],
            sample.Changes);
        Assert.Equal("Old description", (await FieldsOfAsync("UPD-1")).Description); // the preview wrote nothing

        var result = await Host.SendAsync(new ApplyProductImportCommand(File(text), preview));

        var fields = await FieldsOfAsync("UPD-1");
        Assert.Equal(("Old name", null, 5m, 9), (fields.Name, fields.Description, fields.Price, fields.Stock));
        var kitchen = Assert.Single(await Host.SendAsync(new ListCategoriesQuery()));
        Assert.Equal(("Kitchen", kitchen.Id), (kitchen.Name, fields.CategoryId!.Value));
        Assert.Equal(["Kitchen"], result.CategoriesCreated);
    }

    [Fact]
    public async Task Every_error_kind_is_reported_with_its_row_and_column_and_only_valid_rows_are_applied()
    {
        await Host.SendAsync(new CreateProductCommand(Fields("KEEP-1", "Keep", 1m, 1)));
        var text = Lines(
            "SKU,Name,Price,Stock,Status",
            "OK-1,Fine,1.00,1,Active",          // row 2
            "BAD-1,Bad price,abc,1,Active",     // row 3
            "BAD-2,Negative,1.00,-4,Active",    // row 4
            "OK-1,Duplicate,1.00,1,Active",     // row 5
            "NEW-1,,1.00,1,Active",             // row 6
            "BAD-3,Status,1.00,1,Sold",         // row 7
            $"BAD-4,{new string('n', 201)},1.00,1,Active", // row 8
            "KEEP-1,,1.00,1,Active",            // row 9: a required cell left blank
            "BAD-5,Cents,1.005,1,Active");      // row 10

        var preview = await PreviewAsync(text);

        Assert.Equal("1 to create, 0 to update, 0 unchanged, 8 with errors", preview.Summary);
        Assert.Equal(
            [
                new ImportError(3, "Price", "Price must be a number such as 24.99 (it is “abc”)."),
                new ImportError(4, "Stock", "Stock cannot be negative."),
                new ImportError(5, "SKU", "SKU OK-1 is already on row 2 of this file."),
                new ImportError(6, "Name", "Name is required."),
                new ImportError(7, "Status", "Status must be Draft, Active, Archived (it is “Sold”)."),
                new ImportError(8, "Name", "Name must be at most 200 characters (it has 201)."),
                new ImportError(9, "Name", "Name is required."),
                new ImportError(10, "Price", "Price can have at most 2 decimal places (cents)."),
            ],
            preview.Errors);

        var result = await Host.SendAsync(new ApplyProductImportCommand(File(text), preview));
        Assert.Equal((1, 0, 8), (result.Created, result.Updated, result.RowsWithErrors));
        Assert.Equal(2, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
        Assert.Equal("Keep", (await FieldsOfAsync("KEEP-1")).Name);
    }

    [Fact]
    public async Task A_new_sku_without_a_name_column_is_an_error_on_name()
    {
        var preview = await PreviewAsync(Lines("SKU,Price", "NEW-9,2.00"));
        Assert.Equal(new ImportError(2, "Name", "SKU NEW-9 is new: a new product needs a name."), Assert.Single(preview.Errors));
    }

    [Fact]
    public async Task A_product_changed_after_the_preview_is_a_conflict_and_is_not_overwritten()
    {
        var id = await Host.SendAsync(new CreateProductCommand(Fields("RACE-1", "Race", 1m, 1)));
        await Host.SendAsync(new CreateProductCommand(Fields("CALM-1", "Calm", 1m, 1)));
        var text = Lines("SKU,Price", "RACE-1,7.00", "CALM-1,8.00");
        var preview = await PreviewAsync(text);

        await Host.SendAsync(new UpdateProductCommand(id, Fields("RACE-1", "Race", 3m, 1), 1));
        var result = await Host.SendAsync(new ApplyProductImportCommand(File(text), preview));

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal((2, "RACE-1"), (conflict.Row, conflict.Sku));
        Assert.Contains("changed by someone else after the preview", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(3m, (await FieldsOfAsync("RACE-1")).Price);
        Assert.Equal(8m, (await FieldsOfAsync("CALM-1")).Price);
        Assert.Equal(1, result.Updated);
    }

    [Fact]
    public async Task Apply_publishes_one_import_notification_with_the_counts_and_no_per_product_notification()
    {
        await Host.SendAsync(new CreateProductCommand(Fields("ONE-1", "One", 1m, 1)));
        ProductChanges.Clear();

        var result = await ImportAsync(Lines("SKU,Name,Price", "ONE-1,One,2.00", "TWO-1,Two,3.00", "THREE-1,Three,4.00", "B,x,1"));

        var imported = Assert.Single(Imported);
        Assert.Equal((result.ImportId, 2, 1, 1, "admin@example.com"), (imported.ImportId, imported.Created, imported.Updated, imported.RowsWithErrors, imported.ImportedBy));
        Assert.Equal("Imported 3 products: 2 created, 1 updated", imported.Summary);
        Assert.Empty(ProductChanges);
    }

    [Fact]
    public async Task Apply_reports_progress_in_chunks_up_to_the_total()
    {
        var text = Lines(["SKU,Name", .. Enumerable.Range(0, 2_500).Select(i => $"P-{i:D5},Product {i}")]);
        var preview = await PreviewAsync(text);
        var reports = new List<ImportProgress>();

        await Host.SendAsync(new ApplyProductImportCommand(File(text), preview, new SynchronousProgress(reports.Add)));

        Assert.Equal([new(1_000, 2_500), new(2_000, 2_500), new(2_500, 2_500)], reports);
        Assert.Equal(2_500, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
    }

    [Theory]
    [InlineData(Roles.Viewer, false)]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.Admin, true)]
    public async Task Only_editors_and_admins_may_preview_and_apply(string role, bool allowed)
    {
        var text = Lines("SKU,Name", "ROLE-1,Role");
        var preview = await PreviewAsync(text); // as the host's Admin
        Host.User.SignInAs($"{role}@example.com", role);

        if (allowed)
        {
            await PreviewAsync(text);
            Assert.Equal(1, (await Host.SendAsync(new ApplyProductImportCommand(File(text), preview))).Created);
        }
        else
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => PreviewAsync(text));
            await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(new ApplyProductImportCommand(File(text), preview)));
            Assert.Equal(0, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
        }
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
