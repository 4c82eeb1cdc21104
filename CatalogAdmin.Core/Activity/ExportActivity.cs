using System.Runtime.CompilerServices;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Staff;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Activity;

/// <summary>The activity log from <paramref name="From"/> to <paramref name="To"/> (whole UTC days, both included), oldest first, streamed.</summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record ExportActivityQuery(DateOnly From, DateOnly To) : IStreamRequest<ActivityExportRow>
{
    public const int MaxDays = 3_660;
}

/// <summary>One line of the exported log. People as the Activity page names them (emails only for Admins).</summary>
public sealed record ActivityExportRow(
    DateTimeOffset OccurredAt,
    string What,
    string ProductName,
    string ProductSku,
    StaffMemberName? Account,
    string? Detail,
    StaffMemberName? ChangedBy);

internal sealed class ExportActivityValidator : IRequestValidator<ExportActivityQuery>
{
    public Task ValidateAsync(ExportActivityQuery request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (request.To < request.From)
        {
            errors.Add(nameof(request.To), "The end date must not be before the start date.");
        }
        else if (request.To.DayNumber - request.From.DayNumber > ExportActivityQuery.MaxDays)
        {
            errors.Add(nameof(request.To), "Export at most ten years at a time.");
        }

        return Task.CompletedTask;
    }
}

internal sealed class ExportActivityHandler(IDbContextFactory<CatalogDbContext> dbFactory, IStaffDirectory staff, ICurrentUser currentUser)
    : IStreamRequestHandler<ExportActivityQuery, ActivityExportRow>
{
    public async IAsyncEnumerable<ActivityExportRow> Handle(ExportActivityQuery request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(request.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(request.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var range = db.Activity.AsNoTracking().Where(e => e.OccurredAt >= from && e.OccurredAt < until);
        // The few staff the range names, looked up once before the rows stream.
        var people = await range.Select(e => e.ChangedBy).Union(range.Select(e => e.TargetEmail)).ToListAsync(cancellationToken);
        var names = await ActivityNames.LoadAsync(staff, currentUser, people, cancellationToken);
        var entries = range.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).AsAsyncEnumerable();
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            yield return new ActivityExportRow(
                e.OccurredAt,
                e.StaffChange?.ToString() ?? e.Kind?.ToString() ?? e.Batch?.ToString() ?? string.Empty,
                e.ProductName,
                e.ProductSku,
                names.Of(e.TargetEmail),
                e.Detail,
                names.Of(e.ChangedBy));
        }
    }
}
