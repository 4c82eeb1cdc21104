using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Import;
using CatalogAdmin.Web.Components.Pages.Products;
using CatalogAdmin.Web.Csv;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Tests.Components;

/// <summary>The import page: the preview's counts and errors, the apply button's states, and the list's export link.</summary>
public sealed class ImportPageTests : MudBunitContext
{
    private static readonly ImportPreview Preview = new(
        Guid.Parse("0195f0a0-0000-7000-8000-0000000000aa"), ImportFormat.CatalogAdmin, ToCreate: 2, ToUpdate: 1, Unchanged: 4, RowsWithErrors: 3,
        Errors:
        [
            new ImportError(3, "Price", "Price must be a number such as 24.99 (it is “abc”)."),
            new ImportError(5, "SKU", "SKU MUG-1 is already on row 2 of this file."),
            new ImportError(7, "Status", "Status must be Draft, Active, Archived (it is “Sold”)."),
        ],
        Samples: [new ImportChange(4, "LAMP-1", "Desk lamp", [new ImportedFieldChange("Price", "19.99", "24.99")])],
        NewCategories: ["Kitchen"],
        IgnoredColumns: ["Notes"],
        SkippedRows: 0,
        Basis: new Dictionary<string, long>());

    public ImportPageTests()
    {
        Services.AddSingleton<ImportUploads>();
        Services.AddSingleton<ICurrentUser>(new TestCurrentUser());
    }

    [Fact]
    public void The_preview_shows_the_counts_new_categories_every_error_by_row_and_the_changes()
    {
        Sender.Answer<PreviewProductImportQuery, ImportPreview>(_ => Preview);
        var page = RenderWithProviders<ImportPage>();

        Upload(page, "SKU,Name\r\nA,b\r\n");

        page.WaitForAssertion(() => Assert.Equal("2 to create, 1 to update, 4 unchanged, 3 with errors", page.Find("[data-testid=import-counts]").TextContent.Trim()));
        Assert.Contains("Kitchen", page.Find("[data-testid=import-new-categories]").TextContent);
        var errorRows = page.FindAll("[data-testid=import-errors] tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(3, errorRows.Count);
        Assert.StartsWith("3Price", errorRows[0]);
        Assert.StartsWith("5SKU", errorRows[1]);
        Assert.Contains("19.99", page.Find("[data-testid=import-changes]").TextContent);
        Assert.Contains("/errors", page.FindAll("a").Single(a => a.TextContent.Contains("Download errors")).GetAttribute("href"));
        Assert.Contains("Notes", page.Markup);
    }

    [Fact]
    public void Apply_says_how_many_products_it_imports_is_disabled_while_it_runs_then_shows_the_result_and_offers_undo()
    {
        Sender.Answer<PreviewProductImportQuery, ImportPreview>(_ => Preview);
        var applied = new TaskCompletionSource<ImportResult>();
        Sender.AnswerAsync<ApplyProductImportCommand, ImportResult>(_ => applied.Task);
        var page = RenderWithProviders<ImportPage>();
        Upload(page, "SKU,Name\r\nA,b\r\n");
        page.WaitForAssertion(() => Assert.Equal("Import 3 products", ApplyButton(page).TextContent.Trim()));
        Assert.False(ApplyButton(page).HasAttribute("disabled"));

        ApplyButton(page).Click();

        page.WaitForAssertion(() => Assert.True(ApplyButton(page).HasAttribute("disabled")));
        Assert.Contains("Importing…", page.Markup);
        ApplyButton(page).Click(); // a second click while it runs sends nothing more
        Assert.Single(Sender.SentOf<ApplyProductImportCommand>());

        applied.SetResult(new ImportResult(Preview.ImportId, 2, 0, 4, 3, [new ImportConflict(4, "LAMP-1", "The product with SKU LAMP-1 was changed by someone else after the preview; it was not overwritten.")], ["Kitchen"]));

        page.WaitForAssertion(() => Assert.Contains("Imported 2 products", page.Find("[data-testid=import-result]").TextContent));
        Assert.Contains("LAMP-1", page.Find("[data-testid=import-conflicts]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=apply-import]"));

        // The result offers "Undo import", which undoes this import and then says what it did.
        Sender.Answer<UndoBatchCommand, BatchUndoResult>(_ => new BatchUndoResult(2, [], "Undid “Imported 2 products: 2 created, 0 updated”: 2 products back as they were"));
        page.Find("button.import-undo").Click();
        page.WaitForAssertion(() => Assert.Contains("2 products back as they were", page.Find("[data-testid=import-undone]").TextContent));
        Assert.Equal(new UndoBatchCommand(Preview.ImportId), Assert.Single(Sender.SentOf<UndoBatchCommand>()));
        Assert.Empty(page.FindAll("button.import-undo"));
    }

    [Fact]
    public void With_nothing_to_write_apply_is_disabled_and_says_why()
    {
        Sender.Answer<PreviewProductImportQuery, ImportPreview>(_ => Preview with { ToCreate = 0, ToUpdate = 0, RowsWithErrors = 0, Errors = [], Samples = [] });
        var page = RenderWithProviders<ImportPage>();

        Upload(page, "SKU\r\nA\r\n");

        page.WaitForAssertion(() => Assert.True(ApplyButton(page).HasAttribute("disabled")));
        Assert.Contains("nothing to import", page.Markup);
    }

    [Fact]
    public void A_file_that_is_no_import_shows_its_message_and_no_preview()
    {
        Sender.Throw<PreviewProductImportQuery>(_ => new RequestValidationException("File", "The file is empty."));
        var page = RenderWithProviders<ImportPage>();

        Upload(page, "x");

        page.WaitForAssertion(() => Assert.Contains("The file is empty.", page.Find("[role=alert]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=apply-import]"));
    }

    [Fact]
    public void The_page_states_its_limits()
    {
        var page = RenderWithProviders<ImportPage>();
        Assert.Contains("50 MB", page.Markup);
        Assert.Contains("200,000 rows", page.Markup);
    }

    [Fact]
    public void The_lists_export_link_carries_its_search_filters_and_sort_but_not_its_page()
    {
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(query => new PagedResult<ProductListItem>([], 0, query.Page, query.PageSize));
        Navigation.NavigateTo("products?q=mug&status=active&low=true&sort=price&desc=true&page=3&size=50");

        var page = RenderWithProviders<ProductsPage>();

        page.WaitForAssertion(() => Assert.Equal(
            "products/export?q=mug&status=active&low=true&sort=price&desc=true",
            page.FindAll("a").Single(a => a.TextContent.Contains("Export")).GetAttribute("href")));
        Assert.True(page.FindAll("a").Single(a => a.TextContent.Contains("Export")).HasAttribute("download"));
        Assert.Equal("products/import", page.FindAll("a").Single(a => a.TextContent.Trim() == "Import").GetAttribute("href"));
    }

    [Fact]
    public void A_viewer_may_export_but_sees_no_import()
    {
        SignInAs("viewer@example.com", Roles.Viewer);
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(query => new PagedResult<ProductListItem>([], 0, query.Page, query.PageSize));

        var page = RenderWithProviders<ProductsPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("a"), a => a.TextContent.Contains("Export")));
        Assert.DoesNotContain(page.FindAll("a"), a => a.TextContent.Trim() == "Import");
    }

    private static AngleSharp.Dom.IElement ApplyButton(IRenderedComponent<ImportPage> page) => page.Find("[data-testid=apply-import]");

    private static void Upload(IRenderedComponent<ImportPage> page, string text) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, "products.csv"));
}
