using CatalogAdmin.Core;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Tests.Import;

/// <summary>Reading import files: header sets, separators, encodings, quoting, Shopify's variants, and files that are no import.</summary>
public sealed class ImportFileTests : ImportTest
{
    [Fact]
    public async Task The_apps_own_headers_in_any_order_and_case_are_found_and_unknown_columns_listed_as_ignored()
    {
        var preview = await PreviewAsync(Lines("price,NOTES,sku, Name ,stock", "24.99,x,ab-1,Mug,3"));

        Assert.Equal(ImportFormat.CatalogAdmin, preview.Format);
        Assert.Equal(1, preview.ToCreate);
        Assert.Equal(["NOTES"], preview.IgnoredColumns);
        await Host.SendAsync(new ApplyProductImportCommand(File(Lines("price,NOTES,sku, Name ,stock", "24.99,x,ab-1,Mug,3")), preview));
        Assert.Equal(new ProductFields("Mug", "AB-1", null, 24.99m, 3), await FieldsOfAsync("AB-1"));
    }

    [Fact]
    public async Task Shopify_legacy_headers_with_several_variants_per_handle_become_one_product_per_sku()
    {
        var result = await ImportAsync(Lines(
            "Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty,Status,Image Src",
            "tee,Cotton tee,<p>Soft &amp; <b>warm</b></p><ul><li>Organic</li></ul>,Acme,Shirts,summer,Size,Small,TEE-S,19.00,4,active,a.png",
            "tee,,,,,,,Large,TEE-L,21.00,2,,b.png",
            "tee,,,,,,,,,,,,c.png",
            "cap,Cap,<p>One size</p>,Acme,Hats,,Title,Default Title,CAP-1,9.5,7,draft,"));

        Assert.Equal((3, 0), (result.Created, result.RowsWithErrors));
        Assert.Equal(new ProductFields("Cotton tee – Small", "TEE-S", "Soft & warm\n• Organic", 19m, 4, ProductStatus.Active), (await FieldsOfAsync("TEE-S")) with { CategoryId = null });
        var large = await FieldsOfAsync("TEE-L");
        Assert.Equal(("Cotton tee – Large", 21m, ProductStatus.Active, "Soft & warm\n• Organic"), (large.Name, large.Price, large.Status, large.Description));
        Assert.Equal(("Cap", ProductStatus.Draft), ((await FieldsOfAsync("CAP-1")).Name, (await FieldsOfAsync("CAP-1")).Status));
        Assert.Equal(["Shirts", "Hats"], result.CategoriesCreated);
    }

    [Fact]
    public async Task Shopify_current_headers_are_found()
    {
        var preview = await PreviewAsync(Lines(
            "Title,URL handle,Description,Vendor,Type,SKU,Price,Inventory quantity,Status,Option1 name,Option1 value",
            "Teapot,teapot,<p>Holds 1&nbsp;l</p>,Acme,Kitchen,POT-1,30.00,6,active,Title,Default Title"));

        Assert.Equal((ImportFormat.Shopify, 1, 0), (preview.Format, preview.ToCreate, preview.RowsWithErrors));
        Assert.Equal(["Kitchen"], preview.NewCategories);
        Assert.Contains("Vendor", preview.IgnoredColumns);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Semicolon_files_with_decimal_commas_and_quoted_newlines_read_with_or_without_a_bom(bool byteOrderMark)
    {
        var text = Lines("SKU;Name;Description;Price", "SEMI-1;\"Mug; large\";\"Two\nlines, and \"\"quotes\"\"\";24,99");

        var preview = await PreviewAsync(File(text, byteOrderMark));
        await Host.SendAsync(new ApplyProductImportCommand(File(text, byteOrderMark), preview));

        Assert.Equal(new ProductFields("Mug; large", "SEMI-1", "Two\nlines, and \"quotes\"", 24.99m, 0), await FieldsOfAsync("SEMI-1"));
    }

    [Fact]
    public async Task Commas_inside_quotes_are_text()
    {
        await ImportAsync(Lines("SKU,Name,Price", "COMMA-1,\"Mug, large, blue\",\"1,024.50\""));
        Assert.Equal(("Mug, large, blue", 1024.5m), ((await FieldsOfAsync("COMMA-1")).Name, (await FieldsOfAsync("COMMA-1")).Price));
    }

    public static TheoryData<string, byte[], string> NoImports() => new()
    {
        { "empty", [], "empty" },
        { "header only", "SKU,Name\r\n"u8.ToArray(), "no products" },
        { "binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xD8], "not a CSV text file" },
        { "no SKU column", "Name,Price\r\nMug,2\r\n"u8.ToArray(), "no SKU column" },
    };

    [Theory]
    [MemberData(nameof(NoImports))]
    public async Task A_file_that_is_no_import_gets_a_clear_message_and_nothing_is_written(string kind, byte[] bytes, string message)
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => PreviewAsync(new MemoryStream(bytes)));

        Assert.Contains(message, Assert.Single(refused.Errors["File"]), StringComparison.Ordinal);
        Assert.Equal(0, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
        Assert.NotEmpty(kind);
    }

    [Fact]
    public async Task A_60_MB_file_is_refused_for_its_size_before_it_is_read()
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create))
            {
                file.SetLength(60L * 1024 * 1024);
            }

            await using var big = new FileStream(path, FileMode.Open, FileAccess.Read);
            var refused = await Assert.ThrowsAsync<RequestValidationException>(() => PreviewAsync(big));
            Assert.Contains("at most 50 MB", refused.Errors["File"][0], StringComparison.Ordinal);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
