using CatalogAdmin.Core;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Web.Csv;
using CatalogAdmin.Web.Components.Shared;
using CatalogAdmin.Web.Maintenance;
using CatalogAdmin.Web.Notifications;
using MediatR;

namespace CatalogAdmin.Web;

public static class WebServices
{
    /// <summary>The Web side of the app: culture, live updates, browser clock, and the toast handlers.</summary>
    /// <param name="database">The catalog's database: on PostgreSQL live updates reach every instance through LISTEN/NOTIFY.</param>
    public static IServiceCollection AddCatalogWeb(this IServiceCollection services, IConfiguration configuration, CatalogDatabaseSettings? database = null)
    {
        services.AddSingleton(CatalogCulture.FromConfiguration(configuration));
        services.AddSingleton<CatalogChangeBroadcaster>();
        if (database?.IsPostgreSql == true)
        {
            services.AddSingleton<PostgreSqlChangeBus>();
            services.AddSingleton<ICatalogChangeBus>(provider => provider.GetRequiredService<PostgreSqlChangeBus>());
            services.AddHostedService(provider => provider.GetRequiredService<PostgreSqlChangeBus>());
        }
        else
        {
            services.AddSingleton<ICatalogChangeBus, InProcessChangeBus>();
        }

        services.AddBrowserClock();
        services.AddSingleton<ImportUploads>();
        services.AddScoped<CatalogAdmin.Web.Components.Pages.Products.ProductListReturn>();
        services.AddScoped<BatchUndo>();

        // After Core's own handlers, so the activity row is written before the user and other pages are told.
        services.AddProductChangeHandler<ShowProductToast>();
        services.AddTransient<INotificationHandler<CategoryChangedNotification>, ShowCategoryToast>();
        services.AddTransient<INotificationHandler<ProductsImportedNotification>, ShowImportToast>();
        services.AddTransient<INotificationHandler<ProductsChangedInBulkNotification>, ShowBulkToast>();
        services.AddTransient<INotificationHandler<ProductBatchUndoneNotification>, ShowBatchUndoToast>();
        services.AddProductChangeHandler<BroadcastCatalogChange>();

        services.AddSingleton(TrashRetentionOptions.FromConfiguration(configuration));
        services.AddHostedService<TrashRetentionService>();
        return services;
    }

    /// <summary>The browser's clock, one per circuit, cascaded to every component.</summary>
    public static IServiceCollection AddBrowserClock(this IServiceCollection services) => services
        .AddScoped<BrowserClock>()
        .AddCascadingValue(provider => provider.GetRequiredService<BrowserClock>().Source);
}
