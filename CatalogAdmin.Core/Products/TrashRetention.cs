using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Purges what has been in the trash longer than the retention period (Catalog:TrashRetentionDays, default 30). Not a
/// request: nobody sends it, the app's background service runs it (<c>TrashRetentionService</c> in Web). Each purge
/// is published like an Admin's (<see cref="ProductPurgedNotification"/>, by <see cref="Actor"/>), so it is logged
/// and recorded in the activity log.
/// </summary>
public sealed partial class TrashRetention(
    IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ILogger<TrashRetention> logger)
{
    public const int DefaultDays = 30;

    /// <summary>Who the activity log says purged a product the retention removed.</summary>
    public const string Actor = "Trash retention";

    /// <summary>Products purged per transaction, so the database's write lock is never held long.</summary>
    internal const int BatchSize = 500;

    /// <summary>Purges every product trashed more than <paramref name="retention"/> ago; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - retention;
        var total = 0;
        while (true)
        {
            List<Guid> expired;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                expired = await db.Products.InTrash()
                    .Where(p => p.DeletedAt < cutoff)
                    .OrderBy(p => p.DeletedAt).ThenBy(p => p.Id)
                    .Select(p => p.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }

            if (expired.Count == 0)
            {
                break;
            }

            var purged = await TrashPurge.PurgeAsync(dbFactory, expired, cutoff, cancellationToken);
            foreach (var product in purged)
            {
                await publisher.Publish(new ProductPurgedNotification(product.Id, product.Fields, now) { ChangedBy = Actor }, CancellationToken.None);
            }

            total += purged.Count;
            if (purged.Count == 0)
            {
                break; // the whole batch was restored meanwhile; the next run looks again
            }
        }

        if (total > 0)
        {
            LogPurged(total, retention.TotalDays);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trash retention purged {Count} products trashed more than {Days} days ago")]
    private partial void LogPurged(int count, double days);
}
