using CatalogAdmin.Core;
using CatalogAdmin.Web.Components.Shared;
using CatalogAdmin.Web.Notifications;

namespace CatalogAdmin.Web;

public static class WebServices
{
    /// <summary>The Web side of the app: culture, live updates, browser clock, and the toast handlers.</summary>
    public static IServiceCollection AddCatalogWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(CatalogCulture.FromConfiguration(configuration));
        services.AddSingleton<CatalogChangeBroadcaster>();
        services.AddScoped<BrowserClock>();
        services.AddTransient<Staff.StaffAccounts>();

        // Web's own requests (staff management) and notification handlers (toast, live updates) join
        // Core's pipeline. Registered after Core's, so the activity row is written before others are told.
        services.AddCatalogRequestsFrom(typeof(WebServices).Assembly);
        return services;
    }
}
