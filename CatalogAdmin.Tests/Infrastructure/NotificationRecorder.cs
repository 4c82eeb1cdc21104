using System.Collections.Concurrent;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Tests.Infrastructure;

/// <summary>Records every product notification published, as one more handler beside the app's own.</summary>
public sealed class NotificationRecorder
{
    public ConcurrentQueue<IProductChangeNotification> Published { get; } = new();

    public ConcurrentQueue<ProductsChangedInBulkNotification> Bulk { get; } = new();

    public static NotificationRecorder AddTo(IServiceCollection services)
    {
        var recorder = new NotificationRecorder();
        services.AddSingleton(recorder);
        services.AddTransient<INotificationHandler<ProductCreatedNotification>, Handler>();
        services.AddTransient<INotificationHandler<ProductUpdatedNotification>, Handler>();
        services.AddTransient<INotificationHandler<ProductDeletedNotification>, Handler>();
        services.AddTransient<INotificationHandler<ProductRestoredNotification>, Handler>();
        services.AddTransient<INotificationHandler<ProductPurgedNotification>, Handler>();
        services.AddTransient<INotificationHandler<ProductsChangedInBulkNotification>, BulkHandler>();
        return recorder;
    }

    private sealed class Handler(NotificationRecorder recorder) : ProductChangeHandler
    {
        protected override Task HandleAsync(IProductChangeNotification notification, CancellationToken cancellationToken)
        {
            recorder.Published.Enqueue(notification);
            return Task.CompletedTask;
        }
    }

    private sealed class BulkHandler(NotificationRecorder recorder) : INotificationHandler<ProductsChangedInBulkNotification>
    {
        public Task Handle(ProductsChangedInBulkNotification notification, CancellationToken cancellationToken)
        {
            recorder.Bulk.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
