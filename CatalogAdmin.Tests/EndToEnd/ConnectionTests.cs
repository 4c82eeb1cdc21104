using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>What staff see when the connection to the server drops, the server restarts, or a browser sends too much.</summary>
public sealed class ConnectionTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_connection_dropped_mid_edit_rejoins_and_keeps_the_typed_values()
    {
        var name = Unique("Rejoined desk lamp");
        var sku = UniqueSku("REJOIN");
        var page = await OpenAsync("products/new");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("SKU").FillAsync(sku);
        await page.GetByLabel("Price").FillAsync("19.50");
        await page.GetByLabel("Stock").FillAsync("7");
        await RecordReconnectStatesAsync(page);

        // Drop the circuit's connection, as a network blip would; Blazor shows its dialog and rejoins the same circuit.
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");
        await WaitForReconnectStateAsync(page, "hide");

        await Expect(page.GetByLabel("Name")).ToHaveValueAsync(name);
        await Expect(page.GetByLabel("Price")).ToHaveValueAsync("19.50");
        // The server kept them too: saving without retyping stores exactly what was typed before the drop.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByText(sku, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("$19.50", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task After_a_server_restart_an_open_page_reloads_into_a_working_session()
    {
        var page = await OpenAsync();
        await Expect(Rows(page).First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.beforeRestart = true; }");

        await Fixture.RestartAppAsync();

        // The old circuit died with the process: the new server refuses it, and the page reloads itself,
        // still signed in (the cookie keys live beside the database).
        await page.WaitForFunctionAsync("() => window.beforeRestart === undefined", null, new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
        await SearchAsync(page, "LOGI-MXM3S");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_message_over_the_size_limit_drops_only_that_connection_and_the_form_caps_what_staff_can_type()
    {
        var page = await OpenAsync("products/new");
        await RecordReconnectStatesAsync(page);

        // 16 KB reaches the server (and is refused there as an unknown call); the connection stays up.
        await SendToServerAsync(page, 16 * 1024);
        await Task.Delay(1_000, TestContext.Current.CancellationToken);
        Assert.Empty(await ReconnectStatesAsync(page));

        // 64 KB is over SignalR's MaximumReceiveMessageSize (32 KB): the server closes that connection.
        await SendToServerAsync(page, 64 * 1024);
        await WaitForReconnectStateAsync(page, "show");
        await WaitForReconnectStateAsync(page, "hide");

        // The server is unharmed, and typing can never produce such a message: the fields stop at the rules' limits.
        await page.GetByLabel("Description").FillAsync(new string('d', 5_000));
        Assert.Equal(4_000, (await page.GetByLabel("Description").InputValueAsync()).Length);
        await page.GetByLabel("Name").FillAsync(new string('n', 250));
        Assert.Equal(200, (await page.GetByLabel("Name").InputValueAsync()).Length);
        await Expect(page.GetByText("4000 / 4000")).ToBeVisibleAsync();
    }

    private static Task SendToServerAsync(IPage page, int length) =>
        page.EvaluateAsync(
            "n => { DotNet.invokeMethodAsync('CatalogAdmin.Web', 'NoSuchMethod', 'x'.repeat(n)).catch(() => {}); }",
            length);

    /// <summary>Collects the states Blazor reports to the reconnect dialog ("show", "hide", "failed", "rejected").</summary>
    private static Task RecordReconnectStatesAsync(IPage page) =>
        page.EvaluateAsync("""
            () => {
                window.reconnectStates = [];
                document.getElementById('components-reconnect-modal')
                    .addEventListener('components-reconnect-state-changed', e => window.reconnectStates.push(e.detail.state));
            }
            """);

    private static async Task<string[]> ReconnectStatesAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.reconnectStates");

    private static Task WaitForReconnectStateAsync(IPage page, string state) =>
        page.WaitForFunctionAsync("s => window.reconnectStates.includes(s)", state, new() { Timeout = 30_000 });
}
