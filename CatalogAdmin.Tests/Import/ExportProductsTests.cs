using System.Text;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Tests.Import;

/// <summary>Export: the list's view as CSV, and what import makes of it.</summary>
public class ExportProductsTests : ImportTest
{
    [Fact]
    public async Task The_export_is_the_lists_view_all_pages_in_its_order_with_bom_header_and_invariant_values()
    {
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        await Host.SendAsync(new CreateProductCommand(Fields("MUG-1", "Blue mug", 1234.5m, 3) with { CategoryId = mugs }));
        await Host.SendAsync(new CreateProductCommand(Fields("MUG-2", "Red mug", 2m, 8) with { Status = ProductStatus.Draft }));
        await Host.SendAsync(new CreateProductCommand(Fields("LAMP-1", "Lamp", 9m, 1)));

        var bytes = await ExportAsync(new ExportProductsQuery(new ProductFilter(Search: "mug"), ProductSortField.Price, Descending: true));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("SKU,Name,Description,Price,Stock,Status,Category,Updated", lines[0]);
        Assert.Equal("MUG-1,Blue mug,A lamp.,1234.50,3,Active,Mugs,2026-11-23T09:00:00Z", lines[1]);
        Assert.Equal("MUG-2,Red mug,A lamp.,2.00,8,Draft,,2026-11-23T09:00:00Z", lines[2]);
        Assert.Equal(["", ], lines[3..]);
    }

    [Fact]
    public async Task Formula_like_cells_are_escaped_for_spreadsheets_and_import_reads_them_back_unchanged()
    {
        string[] hostile = ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tTab", "'=already", "'quoted", "''", "\rCR"];
        for (var i = 0; i < hostile.Length; i++)
        {
            await Host.SendAsync(new CreateProductCommand(Fields($"F-{i:D2}", $"Name {i}", description: hostile[i])));
        }

        var text = Encoding.UTF8.GetString((await ExportAsync(new ExportProductsQuery(SortBy: ProductSortField.Sku)))[3..]);

        Assert.Contains("\"'=cmd|' /C calc'!A0\"", text, StringComparison.Ordinal);
        Assert.Contains("'+1", text, StringComparison.Ordinal);
        Assert.Contains("'-2", text, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", text, StringComparison.Ordinal);

        var preview = await PreviewAsync(File(text));
        Assert.Equal((0, 0, hostile.Length, 0), (preview.ToCreate, preview.ToUpdate, preview.Unchanged, preview.RowsWithErrors));
        for (var i = 0; i < hostile.Length; i++)
        {
            Assert.Equal(hostile[i].Trim(), (await FieldsOfAsync($"F-{i:D2}")).Description);
        }
    }

    [Fact]
    public async Task A_hostile_catalog_round_trips_every_row_unchanged_and_writes_nothing()
    {
        var category = await Host.SendAsync(new CreateCategoryCommand("Ünïcode, \"quoted\""));
        string[] names = ["Mug, large", "Say \"cheese\"", "Pipe | and ; semicolon", "Emoji 🎉☕", "مرحبا بالعالم", "=cmd", "-minus", "  spaced"];
        for (var i = 0; i < names.Length; i++)
        {
            await Host.SendAsync(new CreateProductCommand(
                Fields($"H-{i}", names[i], 10m + i, i, description: i % 2 == 0 ? null : $"Desc \"{i}\"\r\nwith, commas") with { CategoryId = i % 3 == 0 ? category : null }));
        }

        var file = await ExportAsync(new ExportProductsQuery());
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var preview = await PreviewAsync(new MemoryStream(file));
        var result = await Host.SendAsync(new ApplyProductImportCommand(new MemoryStream(file), preview));

        Assert.Equal((0, 0, names.Length, 0), (preview.ToCreate, preview.ToUpdate, preview.Unchanged, preview.RowsWithErrors));
        Assert.Equal(0, result.Written);
        Assert.Empty(Imported);
        Assert.Contains("Updated", preview.IgnoredColumns);
        var listed = await Host.SendAsync(new ListProductsQuery(PageSize: 100));
        Assert.All(listed.Items, p => Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), p.UpdatedAt));
    }

    [Fact]
    public async Task Any_signed_in_role_may_export_and_nobody_else()
    {
        await Host.SendAsync(new CreateProductCommand(Fields("VIEW-1")));
        Host.User.SignInAs("viewer@example.com", Roles.Viewer);
        Assert.Contains("VIEW-1", Encoding.UTF8.GetString(await ExportAsync(new ExportProductsQuery())), StringComparison.Ordinal);

        Host.User.SignOut();
        await Assert.ThrowsAsync<ForbiddenException>(() => ExportAsync(new ExportProductsQuery()));
    }

    [Fact]
    public async Task An_export_with_a_bad_filter_is_refused_like_the_list()
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => ExportAsync(new ExportProductsQuery(new ProductFilter(Search: new string('x', 201)))));
        Assert.True(refused.Errors.ContainsKey(nameof(ProductFilter.Search)));
    }
}

/// <summary>The activity log for a date range as CSV.</summary>
public sealed class ExportActivityTests : ImportTest
{
    [Fact]
    public async Task The_activity_export_holds_the_days_asked_for_oldest_first()
    {
        await Host.SendAsync(new CreateProductCommand(Fields("DAY-1", "First day")));
        Host.Clock.Advance(TimeSpan.FromDays(1));
        await Host.SendAsync(new CreateProductCommand(Fields("DAY-2", "=Second day")));
        Host.Clock.Advance(TimeSpan.FromDays(1));
        await Host.SendAsync(new CreateProductCommand(Fields("DAY-3", "Third day")));

        await using var scope = Host.Services.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<ISender>().CreateStream(new ExportActivityQuery(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)), TestContext.Current.CancellationToken);
        using var output = new MemoryStream();
        await ProductCsv.WriteActivityAsync(rows, output, TestContext.Current.CancellationToken);

        var lines = Encoding.UTF8.GetString(output.ToArray()[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "When,What,Product,SKU,Account,Account email,Detail,By,By email",
                "2026-11-23T09:00:00Z,Created,First day,DAY-1,,,,Unknown account,admin@example.com",
                "2026-11-24T09:00:00Z,Created,\"'=Second day\",DAY-2,,,,Unknown account,admin@example.com",
            ],
            lines);
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<ISender>().CreateStream(new ExportActivityQuery(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 23)), TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<RequestValidationException>(async () => await rows.GetAsyncEnumerator(TestContext.Current.CancellationToken).MoveNextAsync());
    }
}
