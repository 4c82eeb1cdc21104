using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Core.Import;

/// <summary>
/// Published once per applied import that wrote anything (never per row): one toast for who imported, one activity
/// entry, one refresh of each open list.
/// </summary>
public sealed record ProductsImportedNotification(
    Guid ImportId,
    int Created,
    int Updated,
    int Unchanged,
    int RowsWithErrors,
    int Conflicts,
    DateTimeOffset OccurredAt) : IBatchChangeNotification
{
    public string? ImportedBy { get; init; }

    public int Written => Created + Updated;

    Guid IBatchChangeNotification.BatchId => ImportId;

    int IBatchChangeNotification.ProductCount => Written;

    string? IBatchChangeNotification.ChangedBy => ImportedBy;

    /// <summary>"Imported 1,000 products: 400 created, 600 updated".</summary>
    public string Summary => $"Imported {Written:N0} product{(Written == 1 ? "" : "s")}: {Created:N0} created, {Updated:N0} updated";
}
