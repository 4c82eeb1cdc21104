using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace CatalogAdmin.Tests.EndToEnd;

public sealed class CrashTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Killed_mid_burst_the_app_restarts_on_an_intact_file_with_every_answered_create()
    {
        var answered = new List<string>();
        var pages = new[] { await OpenAsync(), await OpenAsync() };

        // Two sessions create products as fast as the form allows; a create counts once its details page showed.
        var bursts = pages.Select((page, session) => Task.Run(async () =>
        {
            for (var i = 0; i < 4; i++)
            {
                var name = Unique($"Crash burst {session}-{i}");
                await CreateProductAsync(page, name, UniqueSku("CRASH"), "12.34", "3");
                lock (answered) answered.Add(name);
                await GoToAsync(page, "products");
            }

            // One more, left in flight when the process dies.
            await page.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();
            // On the form, not still on the list, whose "Sort by Name" button "Name" would also find.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New product" })).ToBeVisibleAsync();
            await page.GetByLabel("Name").FillAsync(Unique("Crash in flight"));
            await page.GetByLabel("SKU").FillAsync(UniqueSku("FLIGHT"));
            await page.GetByLabel("Price").FillAsync("1.00");
            await page.GetByLabel("Stock").FillAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        })).ToList();
        await Task.WhenAll(bursts);

        await Fixture.RestartAppAsync(kill: true);

        await using (var connection = new SqliteConnection($"Data Source={Fixture.DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (await integrity.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString());
            foreach (var name in answered)
            {
                await using var find = connection.CreateCommand();
                find.CommandText = "SELECT COUNT(*) FROM Products WHERE Name = $name";
                find.Parameters.AddWithValue("$name", name);
                Assert.Equal(1L, (long)(await find.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
            }
        }

        Assert.Equal(8, answered.Count);
        var after = await OpenAsync();
        await Assertions.Expect(after.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
    }
}
