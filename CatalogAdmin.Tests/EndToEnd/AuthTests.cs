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
        var page = await OpenAsAsync(BrowserAppFixture.ViewerEmail, "products");
        await Expect(Row(page, "Dell XPS 15 Laptop")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New product" })).ToHaveCountAsync(0);

        await page.GotoAsync(Url("products/new"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var page = await OpenAsAsync(email: null, "Account/Login");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GetByLabel("Email").FillAsync(BrowserAppFixture.LockoutEmail);
            await page.GetByLabel("Password").FillAsync($"Wrong-password-{attempt}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            if (attempt < 5)
            {
                await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
            }
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account locked" })).ToBeVisibleAsync();

        await page.GotoAsync(Url("Account/Login"));
        await page.GetByLabel("Email").FillAsync(BrowserAppFixture.LockoutEmail);
        await page.GetByLabel("Password").FillAsync(BrowserAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account locked" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_ends_access()
    {
        var page = await OpenAsAsync(email: null, "Account/Login");
        await BrowserAppFixture.SignInAsync(page, Fixture.App!.BaseAddress, BrowserAppFixture.ViewerEmail, BrowserAppFixture.Password);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync(Url("products"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }
}
