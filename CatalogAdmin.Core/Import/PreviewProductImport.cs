using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Import;

/// <summary>
/// The dry run of an import: reads <paramref name="Content"/> (a CSV file, seekable) and says what applying it would do
/// to the catalog now, writing nothing. Pass the preview to <see cref="ApplyProductImportCommand"/>: rows whose product
/// changes in between are then reported as conflicts, not overwritten.
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record PreviewProductImportQuery(Stream Content) : IRequest<ImportPreview>;

/// <summary>What an import would do.</summary>
/// <param name="ImportId">The import's id, kept by its apply (history, activity, undo).</param>
/// <param name="Errors">Every error, by row; a row with any error is not imported.</param>
/// <param name="Samples">Some of the updates, field by field (at most <see cref="ImportPreview.SampleSize"/>).</param>
/// <param name="NewCategories">Categories the file names that do not exist yet: applying creates them.</param>
/// <param name="IgnoredColumns">Headers the import does not use.</param>
/// <param name="SkippedRows">Shopify rows without a SKU (images, products without variants), which are not products.</param>
/// <param name="Basis">The version of every product the file names as it was at the preview (0: none had the SKU).</param>
public sealed record ImportPreview(
    Guid ImportId,
    ImportFormat Format,
    int ToCreate,
    int ToUpdate,
    int Unchanged,
    int RowsWithErrors,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<ImportChange> Samples,
    IReadOnlyList<string> NewCategories,
    IReadOnlyList<string> IgnoredColumns,
    int SkippedRows,
    IReadOnlyDictionary<string, long> Basis)
{
    public const int SampleSize = 20;

    /// <summary>How many products applying would write.</summary>
    public int ToWrite => ToCreate + ToUpdate;

    /// <summary>"N to create, M to update, K unchanged, E with errors": the line the page and the command line show.</summary>
    public string Summary => ImportPreviewText.Counts(ToCreate, ToUpdate, Unchanged, RowsWithErrors);
}

internal static class ImportPreviewText
{
    public static string Counts(int create, int update, int unchanged, int errors) =>
        $"{create:N0} to create, {update:N0} to update, {unchanged:N0} unchanged, {errors:N0} with errors";
}

internal sealed class PreviewProductImportHandler(IDbContextFactory<CatalogDbContext> dbFactory, TimeProvider clock)
    : IRequestHandler<PreviewProductImportQuery, ImportPreview>
{
    public async Task<ImportPreview> Handle(PreviewProductImportQuery request, CancellationToken cancellationToken)
    {
        var table = await ImportFileReader.ReadAsync(request.Content, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await ImportPlan.CreateAsync(db, table, cancellationToken);

        var basis = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in plan.Creates)
        {
            basis[row.Sku] = 0;
        }

        foreach (var row in plan.Updates)
        {
            basis[row.Sku] = row.Existing!.Version;
        }

        foreach (var (sku, version) in plan.Unchanged)
        {
            basis[sku] = version;
        }

        return new ImportPreview(
            Guid.CreateVersion7(clock.GetUtcNow()),
            table.Format,
            plan.Creates.Count,
            plan.Updates.Count,
            plan.Unchanged.Count,
            plan.RowsWithErrors.Count,
            plan.Errors,
            plan.Updates.Take(ImportPreview.SampleSize).Select(u => new ImportChange(u.Row, u.Sku, u.Fields.Name, u.Changes)).ToList(),
            plan.NewCategories.Values.ToList(),
            table.IgnoredColumns,
            table.SkippedRows,
            basis);
    }
}
