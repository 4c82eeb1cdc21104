using System.Data.Common;
using System.Text.Json;
using CatalogAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// The SQL that a price change made by the database (<see cref="Bulk.PriceAdjustmentInDatabase"/>) and its undo
/// (<see cref="PriceUndoInDatabase"/>) share, for SQLite and PostgreSQL: prices as history stores them, a price change's
/// history JSON, and parameters made by the EF Core model's type mappings (converters included), so the rows are those
/// SaveChanges would write.
/// </summary>
internal sealed class PriceHistorySql(CatalogDbContext db, DbCommand parameterFactory)
{
    public bool IsPostgreSql { get; } = db.Database.IsPostgreSql();

    /// <summary>A history entry's and a product's columns set on every row, as parameters named after them.</summary>
    public const string HistoryColumns = "\"ProductId\", \"OccurredAt\", \"ChangedBy\", \"ChangedByRole\", \"Source\", \"Kind\", \"BatchId\", \"VersionAfter\", \"Changes\"";

    /// <summary>"UPDATE OR FAIL" on SQLite (<see cref="MultiRowUpdate.UpdateVerb"/>); the caller's transaction rolls back on a failure.</summary>
    public string Update => MultiRowUpdate.UpdateVerb(db.Database);

    /// <summary>The parameters @OccurredAt, @ChangedBy, @ChangedByRole, @Source, @Kind and @BatchId of a new history entry.</summary>
    public DbParameter[] HistoryParameters(DateTimeOffset at, string? changedBy, string? role, ChangeSource source, ProductHistoryKind kind, Guid batchId)
    {
        var history = db.Model.FindEntityType(typeof(ProductHistoryEntry))!;
        return
        [
            Parameter(history, nameof(ProductHistoryEntry.OccurredAt), at),
            Parameter(history, nameof(ProductHistoryEntry.ChangedBy), changedBy),
            Parameter(history, nameof(ProductHistoryEntry.ChangedByRole), role),
            Parameter(history, nameof(ProductHistoryEntry.Source), source),
            Parameter(history, nameof(ProductHistoryEntry.Kind), kind),
            Parameter(history, nameof(ProductHistoryEntry.BatchId), batchId),
        ];
    }

    /// <summary>The parameter @UpdatedAt of a product.</summary>
    public DbParameter UpdatedAt(DateTimeOffset now) =>
        Parameter(db.Model.FindEntityType(typeof(Product))!, nameof(Product.UpdatedAt), now);

    /// <summary>@BatchId, as a history entry stores it.</summary>
    public DbParameter BatchId(string name, Guid batchId)
    {
        var parameter = Parameter(db.Model.FindEntityType(typeof(ProductHistoryEntry))!, nameof(ProductHistoryEntry.BatchId), batchId);
        parameter.ParameterName = name;
        return parameter;
    }

    /// <summary>@ids, many product ids as one parameter: a uuid[] on PostgreSQL, a JSON array of the stored text on SQLite.</summary>
    public DbParameter Ids(Guid[] ids)
    {
        var parameter = parameterFactory.CreateParameter();
        parameter.ParameterName = "ids";
        parameter.Value = IsPostgreSql ? ids : JsonSerializer.Serialize(ids.Select(id => id.ToString("D").ToUpperInvariant()));
        return parameter;
    }

    /// <summary>The condition that <paramref name="column"/> is one of @ids.</summary>
    public string InIds(string column) => IsPostgreSql ? $"{column} = ANY(@ids)" : $"{column} IN (SELECT value FROM json_each(@ids))";

    /// <summary>Cents as "0.00" text, as history stores a price (<see cref="ProductHistory.Text"/>). Never negative here.</summary>
    public string Money(string cents) => IsPostgreSql
        ? $"format('%s.%s', {cents} / 100, lpad(({cents} % 100)::text, 2, '0'))"
        : $"printf('%d.%02d', {cents} / 100, {cents} % 100)";

    /// <summary>A price as history stores it ("0.00") in cents.</summary>
    public string Cents(string money) => IsPostgreSql
        ? $"replace({money}, '.', '')::bigint"
        : $"CAST(replace({money}, '.', '') AS INTEGER)";

    /// <summary>A text property of the only change of a history entry's JSON ("Field", "OldValue", "NewValue").</summary>
    public string OnlyChange(string changes, string property) => IsPostgreSql
        ? $"({changes}::jsonb -> 0 ->> '{property}')"
        : $"json_extract({changes}, '$[0].{property}')";

    /// <summary>How many changes a history entry's JSON holds.</summary>
    public string ChangeCount(string changes) => IsPostgreSql
        ? $"jsonb_array_length({changes}::jsonb)"
        : $"json_array_length({changes})";

    /// <summary>
    /// The JSON of a history entry whose one change is the price, from two SQL expressions of price text (digits and a
    /// point, so nothing to escape), as the model's converter writes it. Braces doubled: EF Core reads raw SQL as a
    /// format string.
    /// </summary>
    public static string PriceChangeJson(string oldText, string newText) =>
        "'[{{\"Field\":\"" + nameof(ProductField.Price) + "\",\"OldValue\":\"' || " + oldText + " || '\",\"NewValue\":\"' || " + newText + " || '\"}}]'";

    private DbParameter Parameter(IEntityType entity, string property, object? value) =>
        entity.FindProperty(property)!.GetRelationalTypeMapping().CreateParameter(parameterFactory, property, value);
}
