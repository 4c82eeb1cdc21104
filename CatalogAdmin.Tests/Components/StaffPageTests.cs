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
            new StaffMemberDto("me-id", "me@example.com", Roles.Admin, false),
            new StaffMemberDto("other-id", "other@example.com", Roles.Editor, false),
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
}
