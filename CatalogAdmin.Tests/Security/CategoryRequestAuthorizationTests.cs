using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Tests.Infrastructure;
using MediatR;

namespace CatalogAdmin.Tests.Security;

/// <summary>Every category request, for every role and for a caller who is not signed in: Core decides, whatever the page shows.</summary>
public class CategoryRequestAuthorizationTests : HandlerTest
{
    public static TheoryData<string, string?> Callers => RequestAuthorizationTests.Callers;

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Listing_categories_needs_a_signed_in_user_of_any_role(string caller, string? role)
    {
        await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        ActAs(caller, role);

        if (role is null)
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(new ListCategoriesQuery()));
        }
        else
        {
            Assert.Equal(["Mugs"], (await Host.SendAsync(new ListCategoriesQuery())).Select(c => c.Name));
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Creating_renaming_and_deleting_categories_needs_an_editor_or_an_admin(string caller, string? role)
    {
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var cables = await Host.SendAsync(new CreateCategoryCommand("Cables"));
        ActAs(caller, role);
        var allowed = role is Roles.Editor or Roles.Admin;
        IBaseRequest[] changes = [new CreateCategoryCommand("Lamps"), new RenameCategoryCommand(mugs, "Cups"), new DeleteCategoryCommand(cables)];

        foreach (var change in changes)
        {
            if (allowed)
            {
                await Host.SendUntypedAsync(change);
            }
            else
            {
                await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendUntypedAsync(change));
            }
        }

        Host.User.SignInAs("admin@example.com", Roles.Admin);
        var stored = (await Host.SendAsync(new ListCategoriesQuery())).Select(c => c.Name);
        Assert.Equal(allowed ? ["Cups", "Lamps"] : ["Cables", "Mugs"], stored);
    }

    [Fact]
    public async Task A_viewer_is_refused_before_validation_so_learns_nothing_about_existing_names()
    {
        await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        Host.User.SignInAs("viewer@example.com", Roles.Viewer);

        // A taken name would be a validation error for an Editor; a Viewer only hears "not allowed".
        await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(new CreateCategoryCommand("mugs")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(new RenameCategoryCommand(Guid.NewGuid(), "")));
    }

    private void ActAs(string caller, string? role)
    {
        if (role is null)
        {
            Host.User.SignOut();
        }
        else
        {
            Host.User.SignInAs(caller, role);
        }
    }
}
