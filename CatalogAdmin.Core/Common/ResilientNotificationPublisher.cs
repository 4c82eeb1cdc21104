using MediatR;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Core.Common;

/// <summary>
/// Runs every notification handler, one after another, even when one throws, and logs each failure.
/// MediatR's default publisher stops at the first failure and rethrows it to the command, which would
/// report a saved change as failed. A notification is a side effect of a change that already stands.
/// </summary>
internal sealed class ResilientNotificationPublisher(ILogger<ResilientNotificationPublisher> logger) : INotificationPublisher
{
    public async Task Publish(IEnumerable<NotificationHandlerExecutor> handlerExecutors, INotification notification, CancellationToken cancellationToken)
    {
        foreach (var executor in handlerExecutors)
        {
            try
            {
                await executor.HandlerCallback(notification, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(
                    exception,
                    "Notification handler {Handler} failed for {NotificationType} {Notification}; the change itself is saved",
                    executor.HandlerInstance.GetType().Name,
                    notification.GetType().Name,
                    notification);
            }
        }
    }
}
