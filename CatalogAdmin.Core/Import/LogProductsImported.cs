using MediatR;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Core.Import;

/// <summary>One structured log line per applied import: its id, the counts and who (its activity entry: <c>RecordBatchActivity</c>).</summary>
internal sealed partial class LogProductsImported(ILogger<LogProductsImported> logger) : INotificationHandler<ProductsImportedNotification>
{
    public Task Handle(ProductsImportedNotification notification, CancellationToken cancellationToken)
    {
        LogImported(notification.ImportId, notification.Created, notification.Updated, notification.Unchanged, notification.RowsWithErrors,
            notification.Conflicts, notification.ImportedBy);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Import {ImportId}: {Created} created, {Updated} updated, {Unchanged} unchanged, {RowsWithErrors} rows with errors, {Conflicts} conflicts, by {ImportedBy}")]
    private partial void LogImported(Guid importId, int created, int updated, int unchanged, int rowsWithErrors, int conflicts, string? importedBy);
}
