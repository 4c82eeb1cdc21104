using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>What ends a session at once, what a one-time password allows, and what an anonymous visitor can hold.</summary>
public sealed class SessionSecurityTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_admin_locking_an_editor_whose_page_is_open_sends_the_editor_to_sign_in_at_their_next_click()
    {
        var (admin, editor, email) = await AdminAndOpenEditorAsync();

        await admin.GetByRole(AriaRole.Button, new() { Name = $"Lock {email}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Unlock {email}" })).ToBeVisibleAsync();

        await ClickAnythingAsync(editor);
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await editor.GotoAsync(Url("products"));
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync(); // and stays out
    }

    [Fact]
    public async Task An_admin_changing_an_editors_role_sends_the_editors_open_page_to_sign_in()
    {
        var (admin, editor, email) = await AdminAndOpenEditorAsync();

        await admin.GetByLabel($"Role of {email}").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Viewer", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog, new() { Name = "Change role?" }).GetByRole(AriaRole.Button, new() { Name = "Make Viewer" }).ClickAsync();
        await Expect(admin.GetByText($"{email} is now Viewer")).ToBeVisibleAsync();

        await ClickAnythingAsync(editor);
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task A_cross_site_form_post_to_sign_out_does_nothing()
    {
        var email = $"victim-{Guid.NewGuid():N}@e2e.test";
        var admin = await OpenAsAsync(BrowserAppFixture.AdminEmail, "staff");
        await BrowserAppFixture.CreateAccountAsync(admin, Fixture.App!.BaseAddress, email, "Viewer");
        var page = await OpenAsAsync(email, "products");

        // Another origin on the same site (same host, another port: the browser still sends the SameSite=Lax cookie),
        // whose page posts a sign-out form to the app as soon as it loads, without the app's antiforgery token.
        const string attacker = "http://127.0.0.1:9/attack.html";
        await page.RouteAsync(attacker, route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"""<form id="f" method="post" action="{Url("Account/Logout")}"></form><script>document.getElementById('f').submit();</script>""",
        }));
        var answer = page.WaitForResponseAsync(response => response.Url.Contains("/Account/Logout", StringComparison.Ordinal));
        await page.GotoAsync(attacker);
        Assert.Equal((int)HttpStatusCode.BadRequest, (await answer).Status);

        await GoToAsync(page, "products");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync(); // still signed in
    }

    [Fact]
    public async Task A_generated_password_must_be_changed_at_first_sign_in_and_nothing_else_works_until_then()
    {
        var email = $"fresh-{Guid.NewGuid():N}@e2e.test";
        var admin = await OpenAsAsync(BrowserAppFixture.AdminEmail, "staff");
        var oneTime = await BrowserAppFixture.CreateAccountAsync(admin, Fixture.App!.BaseAddress, email, "Editor", password: null);

        var page = await OpenAsAsync(email: null, "Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(oneTime);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change password" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Choose your own password before you go on")).ToBeVisibleAsync();
        await page.GotoAsync(Url("products"));
        await Expect(page).ToHaveURLAsync(new Regex("/Account/ChangePassword"));

        await page.GetByLabel("Current password").FillAsync(oneTime);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a long phrase of my own choosing");
        await page.GetByLabel("Confirm new password").FillAsync("a long phrase of my own choosing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("Your password has been changed.")).ToBeVisibleAsync();

        await GoToAsync(page, "products");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_anonymous_client_cannot_open_a_circuit_and_a_signed_in_one_can()
    {
        Fixture.SkipIfUnavailable();
        using var anonymous = HttpSignIn.NewClient(Fixture.App!.BaseAddress);
        using var refused = await anonymous.PostAsync("_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var signedIn = await HttpSignIn.SignedInClientAsync(Fixture.App!.BaseAddress, BrowserAppFixture.ViewerEmail, BrowserAppFixture.Password);
        using var accepted = await signedIn.PostAsync("_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task The_not_found_page_renders_for_a_signed_out_visitor_without_opening_a_circuit()
    {
        Fixture.SkipIfUnavailable();
        await using var context = await Fixture.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var circuitRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal)) circuitRequests.Add(request.Url);
        };

        var response = await page.GotoAsync(Url("no-such-page"));

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to products" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(circuitRequests);
    }

    [Fact]
    public async Task Pages_may_connect_only_to_their_own_origin_and_the_circuit_still_works()
    {
        Fixture.SkipIfUnavailable();
        using var http = HttpSignIn.NewClient(Fixture.App!.BaseAddress);
        using var response = await http.GetAsync("Account/Login", TestContext.Current.CancellationToken);
        // Blazor adds a policy of its own (frame-ancestors); a browser enforces every one it gets.
        var policy = response.Headers.GetValues("Content-Security-Policy").Single(p => p.Contains("default-src", StringComparison.Ordinal));

        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("ws:", policy, StringComparison.Ordinal);
        var page = await OpenAsync("products"); // the circuit (a WebSocket to this origin) renders the list
        await Expect(Rows(page).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_a_listed_proxy_a_forwarded_https_header_is_ignored()
    {
        Fixture.SkipIfUnavailable();
        using var http = HttpSignIn.NewClient(Fixture.App!.BaseAddress);
        using var response = await HttpSignIn.PostAsync(http, BrowserAppFixture.ViewerEmail, BrowserAppFixture.Password,
            request => request.Headers.Add("X-Forwarded-Proto", "https"));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("CatalogAdmin.Auth=", StringComparison.Ordinal));
        Assert.StartsWith("CatalogAdmin.Auth=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An Admin on the Staff page, and a fresh Editor's products page open in another browser.</summary>
    private async Task<(IPage Admin, IPage Editor, string Email)> AdminAndOpenEditorAsync()
    {
        var email = $"revoked-{Guid.NewGuid():N}@e2e.test";
        var admin = await OpenAsAsync(BrowserAppFixture.AdminEmail, "staff");
        await BrowserAppFixture.CreateAccountAsync(admin, Fixture.App!.BaseAddress, email, "Editor");
        var editor = await OpenAsAsync(email, "products");
        await Expect(Rows(editor).First).ToBeVisibleAsync();
        return (admin, editor, email);
    }

    /// <summary>The editor's next click (the next page of the list), whatever the page shows by then.</summary>
    private static async Task ClickAnythingAsync(IPage editor)
    {
        var next = editor.GetByRole(AriaRole.Button, new() { Name = "Next page" });
        if (await next.IsVisibleAsync() && await next.IsEnabledAsync())
        {
            await next.ClickAsync(new() { Timeout = 2_000 }).ContinueWith(_ => { }, TaskScheduler.Default); // the page may already be leaving
        }
    }
}
