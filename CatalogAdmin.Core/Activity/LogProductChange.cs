using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Core.Activity;

/// <summary>Writes a structured log line for every saved product change.</summary>
internal sealed partial class LogProductChange(ILogger<LogProductChange> logger) : ProductChangeHandler
{
    protected override Task HandleAsync(IProductChangeNotification change, CancellationToken cancellationToken)
    {
        LogChange(change.Kind, change.ProductId, change.Sku, change.Name, change.ChangedBy);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {Change}: {ProductId} {Sku} \"{ProductName}\" by {ChangedBy}")]
    private partial void LogChange(ProductChangeKind change, Guid productId, string sku, string productName, string? changedBy);
}
