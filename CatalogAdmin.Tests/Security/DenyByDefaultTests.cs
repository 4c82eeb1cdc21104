using System.Reflection;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Staff;
using CatalogAdmin.Tests.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Tests.Security;

/// <summary>Every request says who may send it; one that does not is refused, and Core asks the account itself before a command.</summary>
public sealed class DenyByDefaultTests : HandlerTest
{
    private static readonly Assembly[] AppAssemblies = [typeof(ICommand).Assembly, typeof(CatalogAdmin.Web.WebServices).Assembly];

    public static TheoryData<string> RequestTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AllRequestTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void The_app_has_requests_to_check() => Assert.True(AllRequestTypes().Count >= 10, "the reflection found too few requests");

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void Every_request_declares_the_permission_it_needs(string requestType)
    {
        var type = AllRequestTypes().Single(t => t.FullName == requestType);

        Assert.True(type.GetCustomAttribute<RequiresPermissionAttribute>() is not null,
            $"{type.Name} has no [RequiresPermission]: nobody could send it. Declare the permission it needs.");
    }

    [Fact]
    public void Every_request_handler_is_in_Core()
    {
        var outsideCore = AppAssemblies.Skip(1).SelectMany(a => a.GetTypes())
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
                && (d == typeof(IRequestHandler<,>) || d == typeof(IRequestHandler<>) || d == typeof(IStreamRequestHandler<,>))))
            .Select(t => t.FullName);

        Assert.Empty(outsideCore);
    }

    [Fact]
    public async Task A_request_that_declares_no_permission_is_refused_even_to_an_admin()
    {
        await using var host = await CatalogTestHost.StartAsync((services, _) =>
            services.AddTransient<IRequestHandler<UndeclaredQuery, int>, UndeclaredHandler>());

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(new UndeclaredQuery()));
        Assert.Contains("declares no permission", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_from_an_account_locked_since_it_signed_in_is_refused_and_changes_nothing()
    {
        Host.User.SignInAs("editor@example.com", Roles.Editor);
        Directory.StoredAccess = new StaffAccess(Roles.Editor, IsActive: false);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(ValidCreate(sku: "LOCKED-1")));

        Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
    }

    [Fact]
    public async Task A_command_from_an_account_whose_role_was_lowered_since_it_signed_in_is_refused()
    {
        Host.User.SignInAs("editor@example.com", Roles.Editor); // the claims still say Editor
        Directory.StoredAccess = new StaffAccess(Roles.Viewer, IsActive: true);

        await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendAsync(ValidCreate(sku: "DEMOTED-1")));
        await Host.SendAsync(new ListProductsQuery()); // a read needs no look-up and still works for a Viewer
    }

    private TestStaffDirectory Directory => (TestStaffDirectory)Host.Services.GetRequiredService<IStaffDirectory>();

    private static List<Type> AllRequestTypes() =>
        AppAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false }
                && (typeof(IBaseRequest).IsAssignableFrom(t)
                    || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStreamRequest<>))))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    public sealed record UndeclaredQuery : IRequest<int>;

    private sealed class UndeclaredHandler : IRequestHandler<UndeclaredQuery, int>
    {
        public Task<int> Handle(UndeclaredQuery request, CancellationToken cancellationToken) => Task.FromResult(42);
    }
}
