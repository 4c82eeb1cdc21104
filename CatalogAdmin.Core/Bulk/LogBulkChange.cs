using MediatR;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Core.Bulk;

/// <summary>
/// Writes one structured log line per bulk action or quick-edit save (never one per product); its activity entry is
/// <c>RecordBatchActivity</c>'s.
/// </summary>
internal sealed partial class LogBulkChange(ILogger<LogBulkChange> logger) : INotificationHandler<ProductsChangedInBulkNotification>
{
    public Task Handle(ProductsChangedInBulkNotification notification, CancellationToken cancellationToken)
    {
        LogChange(notification.Action, notification.BatchId, notification.Changed, notification.Skipped, notification.ChangedBy);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk {Action} {BatchId}: {Changed} products changed, {Skipped} skipped, by {ChangedBy}")]
    private partial void LogChange(BulkActionKind action, Guid batchId, int changed, int skipped, string? changedBy);
}
