using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Security;

/// <summary>
/// Core refuses what a role may not do, whatever the UI shows: every product request, for every role
/// and for a caller who is not signed in.
/// </summary>
public class RequestAuthorizationTests : HandlerTest
{
    public static TheoryData<string, string?> Callers => new()
    {
        { "anonymous", null },
        { "viewer@example.com", Roles.Viewer },
        { "editor@example.com", Roles.Editor },
        { "admin@example.com", Roles.Admin },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Reading_needs_a_signed_in_user_of_any_role(string caller, string? role)
    {
        var id = await CreateAsync(sku: "LAMP-1");
        ActAs(caller, role);
        IBaseRequest[] reads = [new ListProductsQuery(), new GetProductQuery(id), new ListActivityQuery()];

        foreach (var read in reads)
        {
            if (role is null)
            {
                await Assert.ThrowsAsync<ForbiddenException>(() => Send(read));
            }
            else
            {
                await Send(read); // answered, not refused
            }
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Changing_products_needs_an_editor_or_an_admin(string caller, string? role)
    {
        var id = await CreateAsync(sku: "LAMP-1");
        ActAs(caller, role);
        var allowed = role is Roles.Editor or Roles.Admin;
        IBaseRequest[] changes =
        [
            new CreateProductCommand(new ProductFields("Chair", "CHAIR-1", null, 49m, 2)),
            new UpdateProductCommand(id, new ProductFields("Lamp XL", "LAMP-1", null, 25m, 1), 1),
            new DeleteProductCommand(id),
        ];

        foreach (var change in changes)
        {
            if (allowed)
            {
                await Send(change);
            }
            else
            {
                await Assert.ThrowsAsync<ForbiddenException>(() => Send(change));
            }
        }

        await using var db = Host.OpenDb();
        var stored = await db.Products.Live().Select(p => p.Sku).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(allowed ? ["CHAIR-1"] : ["LAMP-1"], stored);
    }

    [Fact]
    public async Task A_refused_request_is_refused_before_validation_so_it_learns_nothing()
    {
        await CreateAsync(sku: "LAMP-1");
        Host.User.SignInAs("viewer@example.com", Roles.Viewer);

        // A duplicate SKU would be a validation error for an Editor; a Viewer only hears "not allowed".
        await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(ValidCreate(sku: "LAMP-1")));
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

    private Task<object?> Send(IBaseRequest request) => Host.SendUntypedAsync(request);
}
