using CatalogAdmin.Web.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

public sealed class AuthTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_anonymous_visit_to_the_products_lands_on_sign_in()
    {
        var page = await OpenAsAsync(email: null, "products");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Account/Login\?ReturnUrl=%2Fproducts"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_viewer_sees_no_new_product_and_cannot_reach_the_form()
    {
        // Searched, so products other tests add cannot push it off the first page.
        var page = await OpenAsAsync(BrowserAppFixture.ViewerEmail, "products?q=Dell%20XPS");
        await Expect(Row(page, "Dell XPS 15 Laptop")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New product" })).ToHaveCountAsync(0);

        await page.GotoAsync(Url("products/new"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_passwords_never_lock_the_account_so_the_right_one_still_signs_in()
    {
        var page = await OpenAsAsync(email: null, "Account/Login");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await SignInAsync(page, BrowserAppFixture.LockoutEmail, $"Wrong-password-{attempt}");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(StaffSignIn.FailureMessage);
        }

        await SignInAsync(page, BrowserAppFixture.LockoutEmail, BrowserAppFixture.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_locked_account_and_a_wrong_password_look_the_same()
    {
        var locked = $"locked-{Guid.NewGuid():N}@e2e.test";
        var admin = await OpenAsAsync(BrowserAppFixture.AdminEmail, "staff");
        await BrowserAppFixture.CreateAccountAsync(admin, Fixture.App!.BaseAddress, locked, "Viewer");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Lock {locked}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Unlock {locked}" })).ToBeVisibleAsync();

        var page = await OpenAsAsync(email: null, "Account/Login");
        await SignInAsync(page, BrowserAppFixture.ViewerEmail, "Not-the-right-password");
        var wrongPassword = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        await SignInAsync(page, locked, BrowserAppFixture.Password);
        var lockedAccount = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        await SignInAsync(page, $"nobody-{Guid.NewGuid():N}@e2e.test", BrowserAppFixture.Password);
        var unknownEmail = await page.GetByRole(AriaRole.Alert).InnerTextAsync();

        Assert.Equal(StaffSignIn.FailureMessage, wrongPassword);
        Assert.Equal(wrongPassword, lockedAccount);
        Assert.Equal(wrongPassword, unknownEmail);
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal); // no separate lockout page
    }

    [Fact]
    public async Task Signing_out_ends_access_says_so_and_the_copied_cookie_stops_working()
    {
        var email = $"signout-{Guid.NewGuid():N}@e2e.test";
        var admin = await OpenAsAsync(BrowserAppFixture.AdminEmail, "staff");
        await BrowserAppFixture.CreateAccountAsync(admin, Fixture.App!.BaseAddress, email, "Viewer");
        var page = await OpenAsAsync(email: null, "Account/Login");
        await BrowserAppFixture.SignInAsync(page, Fixture.App!.BaseAddress, email, BrowserAppFixture.Password);
        var copied = await page.Context.StorageStateAsync();
        await using var otherBrowser = await Fixture.Browser!.NewContextAsync(new() { StorageState = copied });
        var otherTab = await otherBrowser.NewPageAsync();
        await otherTab.GotoAsync(Url("products"));
        await Expect(otherTab.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByText("You have signed out")).ToBeVisibleAsync();
        await page.GotoAsync(Url("products"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        // The page open elsewhere with the same cookie is signed out at once, and says so.
        await Expect(otherTab.GetByText("You have signed out")).ToBeVisibleAsync();

        // The cookie as it was before signing out, in another browser: the account's new security stamp refuses it.
        await using var thief = await Fixture.Browser!.NewContextAsync(new() { StorageState = copied });
        var stolen = await thief.NewPageAsync();
        await stolen.GotoAsync(Url("products"));
        await Expect(stolen.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
