using Bunit;
using Bunit.TestDoubles;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Components.Shared;
using CatalogAdmin.Web.Notifications;
using MediatR;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CatalogAdmin.Tests.Infrastructure;

/// <summary>
/// A bUnit context ready for MudBlazor pages: loose JS interop, MudBlazor services with instant
/// snackbars, the app's culture (en-US, USD), a <see cref="FakeSender"/> in place of MediatR, and the
/// popover, dialog and snackbar providers rendered before the component under test.
/// </summary>
public abstract class MudBunitContext : BunitContext
{
    static MudBunitContext()
    {
        // WaitForAssertion's default of one second is too short on a loaded 2-core machine; a passing assertion
        // returns at once, so only a real failure waits this long.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.ShowTransitionDuration = 0;
            config.SnackbarConfiguration.HideTransitionDuration = 0;
            config.SnackbarConfiguration.VisibleStateDuration = 60_000;
        });
        Services.AddSingleton<ISender>(Sender);
        Services.AddSingleton(new CatalogCulture("en-US", "USD"));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<CatalogChangeBroadcaster>();
        Services.AddBrowserClock();
        Services.AddScoped<CatalogAdmin.Web.Components.Pages.Products.ProductListReturn>();
        Services.AddScoped<BatchUndo>();
        Services.AddLogging();

        // The products list's filter and the product form offer the categories; none unless a test says otherwise.
        Sender.Answer<ListCategoriesQuery, IReadOnlyList<CategoryDto>>(_ => []);

        // The details page shows the product's history; none unless a test says otherwise.
        Sender.Answer<CatalogAdmin.Core.Products.ListProductHistoryQuery, PagedResult<CatalogAdmin.Core.Products.ProductHistoryEntryDto>>(
            query => new([], 0, query.Page, query.PageSize));

        // Pages show editing actions only to Editors and Admins; tests sign in as an Editor unless they say otherwise.
        Authorization = AddAuthorization();
        SignInAs("editor@example.com", CatalogAdmin.Core.Roles.Editor);
    }

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs in with roles, and with the permission policies those roles have in Core's <see cref="Permissions"/>.</summary>
    protected void SignInAs(string name, params string[] roles)
    {
        Authorization.SetAuthorized(name);
        Authorization.SetRoles(roles);
        Authorization.SetPolicies(Enum.GetValues<Permission>()
            .Where(permission => roles.Any(role => Permissions.RoleAllows(role, permission)))
            .Select(permission => permission.ToString())
            .ToArray());
    }

    protected FakeSender Sender { get; } = new();

    protected BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    protected CatalogChangeBroadcaster Broadcaster => Services.GetRequiredService<CatalogChangeBroadcaster>();

    /// <summary>Renders the MudBlazor providers (once), then the component.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        _ = Providers;
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>The rendered providers (rendered on first use): dialogs and snackbars appear in here.</summary>
    protected IRenderedComponent<MudProviders> Providers => _providers ??= Render<MudProviders>();

    private IRenderedComponent<MudProviders>? _providers;

    protected IReadOnlyList<string> SnackbarMessages() =>
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? string.Empty).ToList();
}
