using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Staff;
using Microsoft.Extensions.DependencyInjection;
using CatalogAdmin.Tests.Infrastructure;

namespace CatalogAdmin.Tests.Activity;

public class ListActivityTests : HandlerTest
{
    [Fact]
    public async Task The_log_lists_every_change_newest_first_with_product_and_who()
    {
        Host.User.SignInAs("editor@example.com", Roles.Editor);
        ((TestStaffDirectory)Host.Services.GetRequiredService<IStaffDirectory>()).DisplayNames["editor@example.com"] = "Ed Itor";
        var lampId = await CreateAsync(sku: "LAMP-1", name: "Desk lamp");
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var chairId = await CreateAsync(sku: "CHAIR-1", name: "Chair");
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Host.SendAsync(new UpdateProductCommand(lampId, new ProductFields("Desk lamp XL", "LAMP-1", null, 20m, 1), 1));
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Host.SendAsync(new DeleteProductCommand(chairId));

        var log = await Host.SendAsync(new ListActivityQuery());

        Assert.Equal(4, log.TotalCount);
        Assert.Equal(
            [
                (ProductChangeKind.Deleted, chairId, "Chair", "CHAIR-1", false),
                (ProductChangeKind.Updated, lampId, "Desk lamp XL", "LAMP-1", true),
                (ProductChangeKind.Created, chairId, "Chair", "CHAIR-1", false),
                (ProductChangeKind.Created, lampId, "Desk lamp", "LAMP-1", true),
            ],
            log.Items.Select(e => (e.Kind, e.ProductId, e.ProductName, e.ProductSku, e.ProductExists)));
        // By display name: an Editor reading the log sees no emails.
        Assert.All(log.Items, e => Assert.Equal(new StaffMemberName("Ed Itor"), e.ChangedBy));
        Assert.Equal(Host.Clock.GetUtcNow(), log.Items[0].OccurredAt);
    }

    [Fact]
    public async Task An_admin_reads_emails_beside_names_and_an_unknown_address_is_not_shown_to_others()
    {
        ((TestStaffDirectory)Host.Services.GetRequiredService<IStaffDirectory>()).DisplayNames["editor@example.com"] = "Ed Itor";
        Host.User.SignInAs("editor@example.com", Roles.Editor);
        await CreateAsync(sku: "LAMP-1");
        Host.User.SignInAs("gone@example.com", Roles.Editor);
        await CreateAsync(sku: "LAMP-2");

        Host.User.SignInAs("admin@example.com", Roles.Admin);
        var asAdmin = await Host.SendAsync(new ListActivityQuery());
        Assert.Equal(
            [new StaffMemberName("Unknown account", "gone@example.com"), new StaffMemberName("Ed Itor", "editor@example.com")],
            asAdmin.Items.Select(e => e.ChangedBy));

        Host.User.SignInAs("viewer@example.com", Roles.Viewer);
        var asViewer = await Host.SendAsync(new ListActivityQuery());
        Assert.Equal([new StaffMemberName("Unknown account"), new StaffMemberName("Ed Itor")], asViewer.Items.Select(e => e.ChangedBy));
    }

    [Fact]
    public async Task The_log_pages()
    {
        for (var i = 0; i < 7; i++)
        {
            await CreateAsync(sku: $"LAMP-{i}");
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var second = await Host.SendAsync(new ListActivityQuery(Page: 2, PageSize: 3));

        Assert.Equal(7, second.TotalCount);
        Assert.Equal(["LAMP-3", "LAMP-2", "LAMP-1"], second.Items.Select(e => e.ProductSku));
    }

    [Fact]
    public async Task Out_of_range_paging_is_refused()
    {
        await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new ListActivityQuery(Page: 0)));
        await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new ListActivityQuery(PageSize: 101)));
    }
}
