using System.Runtime.CompilerServices;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Activity;

/// <summary>The activity log from <paramref name="From"/> to <paramref name="To"/> (whole UTC days, both included), oldest first, streamed.</summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record ExportActivityQuery(DateOnly From, DateOnly To) : IStreamRequest<ActivityExportRow>
{
    public const int MaxDays = 3_660;
}

public sealed record ActivityExportRow(DateTimeOffset OccurredAt, ProductChangeKind Kind, string ProductName, string ProductSku, string? ChangedBy);

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

internal sealed class ExportActivityHandler(IDbContextFactory<CatalogDbContext> dbFactory) : IStreamRequestHandler<ExportActivityQuery, ActivityExportRow>
{
    public async IAsyncEnumerable<ActivityExportRow> Handle(ExportActivityQuery request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(request.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(request.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Activity.AsNoTracking()
            .Where(e => e.OccurredAt >= from && e.OccurredAt < until)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new ActivityExportRow(e.OccurredAt, e.Kind, e.ProductName, e.ProductSku, e.ChangedBy))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
