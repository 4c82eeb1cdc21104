using Bunit;
using System.Security.Claims;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Staff;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Staff;

namespace CatalogAdmin.Tests.Components;

public sealed class StaffPageTests : MudBunitContext
{
    public StaffPageTests()
    {
        SignInAs("me@example.com", Roles.Admin);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "me-id"));
        Sender.Answer<ListStaffQuery, IReadOnlyList<StaffMemberDto>>(_ =>
        [
            new StaffMemberDto("me-id", "me@example.com", Roles.Admin, false, "Me"),
            new StaffMemberDto("other-id", "other@example.com", Roles.Editor, false, "Olga Other"),
        ]);
    }

    [Fact]
    public void Your_own_row_offers_no_role_change_and_no_lock_and_says_why()
    {
        var page = RenderWithProviders<StaffPage>();

        page.WaitForAssertion(() => Assert.Contains("other@example.com", page.Markup));
        Assert.True(page.Find("button[aria-label='Lock me@example.com']").HasAttribute("disabled"));
        Assert.False(page.Find("button[aria-label='Lock other@example.com']").HasAttribute("disabled"));
        var rows = page.FindAll("tbody tr");
        var mine = rows.Single(row => row.TextContent.Contains("me@example.com"));
        var theirs = rows.Single(row => row.TextContent.Contains("other@example.com"));
        Assert.Contains("Your own role", mine.TextContent);
        Assert.NotEmpty(mine.QuerySelectorAll(".mud-select .mud-disabled, .mud-select.mud-disabled, input[disabled]"));
        Assert.Empty(theirs.QuerySelectorAll("input[disabled]"));
    }

    [Fact]
    public void The_reason_is_shown_on_hovering_your_own_lock_button()
    {
        var page = RenderWithProviders<StaffPage>();
        page.WaitForAssertion(() => Assert.Contains("other@example.com", page.Markup));

        var myLock = page.Find("button[aria-label='Lock me@example.com']");
        myLock.ParentElement!.PointerEnter();

        page.WaitForAssertion(() => Assert.Contains(StaffRules.OwnLockMessage, Providers.Markup + page.Markup));
    }

    [Fact]
    public void Reset_password_asks_first_naming_the_person_and_cancel_changes_nothing()
    {
        Sender.Answer<ResetStaffPasswordCommand, string>(_ => "NewOneTimePass42");
        var page = RenderWithProviders<StaffPage>();
        page.WaitForAssertion(() => Assert.Contains("other@example.com", page.Markup));

        page.Find("button[aria-label='Reset password of other@example.com']").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Replace the password of Olga Other (other@example.com)", Providers.Find(".mud-dialog .confirm-question").TextContent));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Empty(Sender.SentOf<ResetStaffPasswordCommand>());

        page.Find("button[aria-label='Reset password of other@example.com']").Click();
        Providers.WaitForAssertion(() => Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Reset password").Click());
        page.WaitForAssertion(() => Assert.Equal([new ResetStaffPasswordCommand("other-id")], Sender.SentOf<ResetStaffPasswordCommand>()));
        page.WaitForAssertion(() => Assert.Contains("NewOneTimePass42", page.Markup));
    }

    [Fact]
    public async Task A_role_change_asks_first_naming_the_person_and_the_change()
    {
        Sender.Succeed<ChangeStaffRoleCommand>();
        var page = RenderWithProviders<StaffPage>();
        page.WaitForAssertion(() => Assert.Contains("other@example.com", page.Markup));
        var otherRole = page.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.UserAttributes.TryGetValue("aria-label", out var label) && Equals(label, "Role of other@example.com"));

        var choosing = page.InvokeAsync(() => otherRole.Instance.ValueChanged.InvokeAsync(Roles.Viewer));
        Providers.WaitForAssertion(() => Assert.Equal(
            "Make Olga Other (other@example.com) a Viewer instead of an Editor? It applies at once: their open pages go back to sign-in.",
            Providers.Find(".mud-dialog .confirm-question").TextContent));
        Assert.Empty(Sender.SentOf<ChangeStaffRoleCommand>());
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        await choosing;
        Assert.Empty(Sender.SentOf<ChangeStaffRoleCommand>());

        choosing = page.InvokeAsync(() => otherRole.Instance.ValueChanged.InvokeAsync(Roles.Viewer));
        Providers.WaitForAssertion(() => Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Make Viewer").Click());
        await choosing;
        Assert.Equal([new ChangeStaffRoleCommand("other-id", Roles.Viewer)], Sender.SentOf<ChangeStaffRoleCommand>());
    }

    [Fact]
    public async Task After_an_account_is_created_the_form_is_back_to_viewer()
    {
        Sender.Answer<CreateStaffMemberCommand, CreatedStaffMember>(c => new CreatedStaffMember("new-id", c.Email, "OneTimePass4242"));
        var page = RenderWithProviders<StaffPage>();
        page.WaitForAssertion(() => Assert.Contains("other@example.com", page.Markup));
        var newRole = page.FindComponents<MudBlazor.MudSelect<string>>().First();
        await page.InvokeAsync(() => newRole.Instance.ValueChanged.InvokeAsync(Roles.Editor));
        page.Find("input[type=text], input:not([type])").Input("new.editor@example.com");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal([new CreateStaffMemberCommand("new.editor@example.com", Roles.Editor, null, null)], Sender.SentOf<CreateStaffMemberCommand>()));
        page.WaitForAssertion(() => Assert.Equal(Roles.Viewer, page.Find("form .mud-select input").GetAttribute("value")));
    }
}
