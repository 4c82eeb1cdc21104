using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>Export of the list as shown, and an import from upload to preview, apply, toast and list.</summary>
public sealed class ImportExportTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Export_downloads_the_list_filtered_by_its_search_as_csv()
    {
        var page = await OpenAsync("products?q=logitech");
        await Expect(Row(page, "Logitech MX Master 3S Mouse")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export" }).ClickAsync());

        Assert.Matches(@"^products-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("SKU,Name,Description,Price,Stock,Status,Category,Updated", lines[0]);
        Assert.True(lines.Length > 1, "the export has the matching products");
        Assert.All(lines[1..], line => Assert.Contains("Logitech", line, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("Dell XPS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_with_three_bad_rows_is_previewed_with_its_errors_applied_with_one_toast_shown_in_the_list_and_undone()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var page = await OpenAsync();
        await CreateProductAsync(page, $"Import lamp {tag}", $"IMP-{tag}", "10.00", "1");
        await GoToAsync(page, "products");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import products" })).ToBeVisibleAsync();

        await UploadAsync(page, FileWithThreeBadRows(tag));

        await Expect(page.GetByTestId("import-counts")).ToHaveTextAsync("1 to create, 1 to update, 0 unchanged, 3 with errors");
        var errors = page.GetByTestId("import-errors").Locator("tbody tr");
        await Expect(errors).ToHaveCountAsync(3);
        await Expect(errors.Nth(0)).ToContainTextAsync("Price must be a number");
        await Expect(errors.Nth(1)).ToContainTextAsync("Stock cannot be negative.");
        await Expect(errors.Nth(2)).ToContainTextAsync("Name is required.");
        await Expect(page.GetByTestId("import-changes")).ToContainTextAsync("12.50");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 products" }).ClickAsync();

        await Expect(page.GetByText("Imported 2 products: 1 created, 1 updated").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync("1 created, 1 updated");
        var list = await page.Context.NewPageAsync();
        await GoToAsync(list, $"products?q={tag}");
        await Expect(Row(list, $"Import lamp {tag}")).ToContainTextAsync("$12.50");
        await Expect(Row(list, $"Imported mug {tag}")).ToBeVisibleAsync();

        // "Undo import" puts the updated product back and moves the created one to the trash; the open list follows.
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo import" }).ClickAsync();

        await Expect(page.GetByTestId("import-undone")).ToContainTextAsync("2 products back as they were");
        await Expect(Row(list, $"Import lamp {tag}")).ToContainTextAsync("$10.00");
        await Expect(Row(list, $"Imported mug {tag}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Download_errors_gives_the_rejected_rows_with_an_error_column()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var page = await OpenAsync("products/import");
        await UploadAsync(page, FileWithThreeBadRows(tag));
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("3 with errors");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download errors" }).ClickAsync());

        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("SKU,Name,Price,Stock,Error", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains("Price: Price must be a number", lines[1], StringComparison.Ordinal);
    }

    /// <summary>One update (the lamp's price), one new product, and three rows with an error each.</summary>
    internal static string FileWithThreeBadRows(string tag) => string.Join("\r\n",
        "SKU,Name,Price,Stock",
        $"IMP-{tag},Import lamp {tag},12.50,1",
        $"MUG-{tag},Imported mug {tag},4.00,9",
        $"BAD1-{tag},Bad price {tag},abc,1",
        $"BAD2-{tag},Negative {tag},1.00,-3",
        $"BAD3-{tag},,1.00,1") + "\r\n";

    /// <summary>
    /// Chooses <paramref name="text"/> as the import's file, once the page can take it: Blazor's InputFile starts
    /// listening for a chosen file (and marks its element with <c>_blazorInputFileNextFileId</c>) only after the page's
    /// first interactive render, and a file chosen before that is never read.
    /// </summary>
    internal static async Task UploadAsync(IPage page, string text)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('#import-file')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "products.csv",
            MimeType = "text/csv",
            Buffer = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        });
    }
}
