using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Staff;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Core.Activity;

/// <summary>
/// Records every stored change to a staff account in the audit log and the structured log: who acted, on whose
/// account, and what changed. It runs after the change is stored, so a failure here never undoes it.
/// </summary>
internal sealed partial class RecordStaffActivity(IDbContextFactory<CatalogDbContext> dbFactory, ILogger<RecordStaffActivity> logger)
    : INotificationHandler<StaffChangedNotification>
{
    public async Task Handle(StaffChangedNotification change, CancellationToken cancellationToken)
    {
        LogChange(change.Kind, change.UserId, change.Email, change.Detail, change.ChangedBy);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Activity.Add(ActivityEntry.For(change));
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {Change}: {UserId} {Email} {Detail} by {ChangedBy}")]
    private partial void LogChange(StaffChangeKind change, string userId, string email, string? detail, string? changedBy);
}
