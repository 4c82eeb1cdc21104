using CatalogAdmin.Core.Products;
using CatalogAdmin.Web.Notifications;
using MediatR;

namespace CatalogAdmin.Web;

public static class WebServices
{
    /// <summary>The Web side of the app: culture, live updates, browser clock, and the toast handlers.</summary>
    public static IServiceCollection AddCatalogWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(CatalogCulture.FromConfiguration(configuration));
        services.AddSingleton<CatalogChangeBroadcaster>();
        services.AddScoped<BrowserClock>();

        // Web's own notification handlers, next to the ones Core registers.
        services.AddTransient<INotificationHandler<ProductCreatedNotification>, ShowProductToast>();
        services.AddTransient<INotificationHandler<ProductUpdatedNotification>, ShowProductToast>();
        services.AddTransient<INotificationHandler<ProductDeletedNotification>, ShowProductToast>();
        services.AddTransient<INotificationHandler<ProductCreatedNotification>, BroadcastProductChange>();
        services.AddTransient<INotificationHandler<ProductUpdatedNotification>, BroadcastProductChange>();
        services.AddTransient<INotificationHandler<ProductDeletedNotification>, BroadcastProductChange>();
        return services;
    }
}
