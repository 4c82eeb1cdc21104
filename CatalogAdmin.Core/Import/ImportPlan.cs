using System.Globalization;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Import;

/// <summary>One problem with one row: its row number in the file, the column as the file names it, and what is wrong.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>One field a row changes: its values before and after, as text.</summary>
public sealed record ImportedFieldChange(string Field, string? Old, string? New);

/// <summary>What a row will do to an existing product.</summary>
public sealed record ImportChange(int Row, string Sku, string Name, IReadOnlyList<ImportedFieldChange> Changes);

/// <summary>A product the import found when it was planned (<see cref="InTrash"/>: one the import may not touch).</summary>
internal sealed record ExistingProduct(Guid Id, ProductFields Fields, long Version, string? CategoryName, bool InTrash);

/// <summary>A valid row that creates (<see cref="Existing"/> null) or updates a product, with the values it will have.</summary>
internal sealed record PlannedRow(int Row, string Sku, ExistingProduct? Existing, ProductFields Fields, string? CategoryName, IReadOnlyList<ImportedFieldChange> Changes);

/// <summary>
/// What an import file would do to the catalog as it is now: the rows that create, update or change nothing, every
/// error, and the categories that would be created. Preview and apply both plan; only apply writes.
/// </summary>
internal sealed class ImportPlan
{
    private const int LookupChunk = 500;

    public required ImportTable Table { get; init; }

    public List<PlannedRow> Creates { get; } = [];

    public List<PlannedRow> Updates { get; } = [];

    /// <summary>Rows whose product already has every value the row gives: (SKU, version).</summary>
    public List<(string Sku, long Version)> Unchanged { get; } = [];

    public List<ImportError> Errors { get; } = [];

    public HashSet<int> RowsWithErrors { get; } = [];

    /// <summary>Category names the file uses that no category has yet, in the file's spelling, by key.</summary>
    public Dictionary<string, string> NewCategories { get; } = new(StringComparer.Ordinal);

    /// <summary>Every category the rows name, existing ones by key (new ones are added as apply creates them).</summary>
    public Dictionary<string, Guid> CategoryIds { get; } = new(StringComparer.Ordinal);

    public static async Task<ImportPlan> CreateAsync(CatalogDbContext db, ImportTable table, CancellationToken cancellationToken)
    {
        var plan = new ImportPlan { Table = table };
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name, c.NormalizedName }).ToListAsync(cancellationToken);
        var categoryNames = categories.ToDictionary(c => c.Id, c => c.Name);
        foreach (var category in categories)
        {
            plan.CategoryIds[category.NormalizedName] = category.Id;
        }

        var existing = await FindExistingAsync(db, table, categoryNames, cancellationToken);
        var firstRowOfSku = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            plan.PlanRow(row, existing, firstRowOfSku);
        }

        return plan;
    }

    private static async Task<Dictionary<string, ExistingProduct>> FindExistingAsync(
        CatalogDbContext db, ImportTable table, Dictionary<Guid, string> categoryNames, CancellationToken cancellationToken)
    {
        var skus = table.Rows
            .Select(row => ProductRules.NormalizeSku(row[ImportColumn.Sku]))
            .Where(sku => ProductRules.SkuError(sku) is null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var found = new Dictionary<string, ExistingProduct>(StringComparer.Ordinal);
        foreach (var chunk in skus.Chunk(LookupChunk))
        {
            var products = await db.Products.AsNoTracking()
                .Where(p => chunk.Contains(p.Sku))
                .Select(p => new { p.Id, p.Name, p.Sku, p.Description, p.Price, p.Stock, p.Status, p.CategoryId, p.Version, p.DeletedAt })
                .ToListAsync(cancellationToken);
            foreach (var p in products)
            {
                var fields = new ProductFields(p.Name, p.Sku, p.Description, p.Price, p.Stock, p.Status, p.CategoryId);
                found[p.Sku] = new ExistingProduct(
                    p.Id, fields, p.Version, p.CategoryId is { } id ? categoryNames.GetValueOrDefault(id) : null, p.DeletedAt is not null);
            }
        }

        return found;
    }

    private void PlanRow(ImportRow row, Dictionary<string, ExistingProduct> existing, Dictionary<string, int> firstRowOfSku)
    {
        var errors = new Dictionary<ImportColumn, string>();
        var sku = ProductRules.NormalizeSku(row[ImportColumn.Sku]);
        if (ProductRules.SkuError(sku) is { } skuError)
        {
            errors[ImportColumn.Sku] = skuError;
        }
        else if (!firstRowOfSku.TryAdd(sku, row.Row))
        {
            errors[ImportColumn.Sku] = $"SKU {sku} is already on row {firstRowOfSku[sku]} of this file.";
        }

        var current = errors.ContainsKey(ImportColumn.Sku) ? null : existing.GetValueOrDefault(sku);
        if (current is { InTrash: true })
        {
            // The SKU stays reserved while its product is in the trash: neither updated there nor created twice.
            errors[ImportColumn.Sku] = SkuUniqueness.InTrashMessage(sku, current.Fields.Name);
            current = null;
        }

        var fields = current?.Fields ?? new ProductFields(string.Empty, sku, null, 0m, 0);
        var categoryName = current?.CategoryName;

        if (Cell(row, ImportColumn.Name) is { } name)
        {
            if (name.Trim().Length == 0)
            {
                errors[ImportColumn.Name] = "Name is required.";
            }
            else
            {
                fields = fields with { Name = name };
            }
        }
        else if (current is null && !errors.ContainsKey(ImportColumn.Sku))
        {
            errors[ImportColumn.Name] = $"SKU {sku} is new: a new product needs a name.";
        }

        if (Cell(row, ImportColumn.Description) is { } description)
        {
            fields = fields with { Description = description }; // blank clears it
        }

        if (Cell(row, ImportColumn.Price) is { } priceText)
        {
            if (ParsePrice(priceText) is { } price)
            {
                fields = fields with { Price = price };
            }
            else
            {
                errors[ImportColumn.Price] = priceText.Trim().Length == 0
                    ? "Price is required."
                    : $"Price must be a number such as 24.99 (it is “{Clip(priceText)}”).";
            }
        }

        if (Cell(row, ImportColumn.Stock) is { } stockText)
        {
            if (int.TryParse(stockText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var stock))
            {
                fields = fields with { Stock = stock };
            }
            else
            {
                errors[ImportColumn.Stock] = stockText.Trim().Length == 0
                    ? "Stock is required."
                    : $"Stock must be a whole number (it is “{Clip(stockText)}”).";
            }
        }

        if (Cell(row, ImportColumn.Status) is { } statusText)
        {
            if (Enum.TryParse<ProductStatus>(statusText.Trim(), ignoreCase: true, out var status) && Enum.IsDefined(status)
                && !int.TryParse(statusText, out _))
            {
                fields = fields with { Status = status };
            }
            else
            {
                errors[ImportColumn.Status] = statusText.Trim().Length == 0
                    ? "Status is required."
                    : $"Status must be {string.Join(", ", Enum.GetNames<ProductStatus>())} (it is “{Clip(statusText)}”).";
            }
        }

        if (Cell(row, ImportColumn.Category) is { } categoryText)
        {
            if (categoryText.Trim().Length == 0)
            {
                categoryName = null; // blank clears it
            }
            else if (CategoryRules.NameError(categoryText) is { } categoryError)
            {
                errors[ImportColumn.Category] = $"Category: {categoryError}";
            }
            else
            {
                categoryName = CategoryRules.NormalizeName(categoryText);
            }
        }

        var rules = new ValidationErrors();
        ProductRules.Check(fields, rules);
        foreach (var (property, messages) in rules.ToDictionary())
        {
            var column = Enum.Parse<ImportColumn>(property);
            errors.TryAdd(column, messages[0]);
        }

        if (errors.Count > 0)
        {
            RowsWithErrors.Add(row.Row);
            Errors.AddRange(errors.OrderBy(e => e.Key).Select(e => new ImportError(row.Row, Table.HeaderOf(e.Key), e.Value)));
            return;
        }

        fields = fields.Normalized();
        if (categoryName is not null && !CategoryIds.ContainsKey(CategoryRules.Key(categoryName)))
        {
            NewCategories.TryAdd(CategoryRules.Key(categoryName), categoryName);
        }

        if (current is null)
        {
            Creates.Add(new PlannedRow(row.Row, sku, null, fields, categoryName, []));
            return;
        }

        var changes = Changes(current, fields, categoryName);
        if (changes.Count == 0)
        {
            Unchanged.Add((sku, current.Version));
        }
        else
        {
            Updates.Add(new PlannedRow(row.Row, sku, current, fields, categoryName, changes));
        }
    }

    /// <summary>The row's text for a column the file has (null when it has none), untrimmed.</summary>
    private string? Cell(ImportRow row, ImportColumn column) => Table.Has(column) ? row[column] ?? string.Empty : null;

    private static List<ImportedFieldChange> Changes(ExistingProduct current, ProductFields after, string? categoryName)
    {
        var before = current.Fields;
        var changes = new List<ImportedFieldChange>();
        if (before.Name != after.Name)
        {
            changes.Add(new ImportedFieldChange(ProductCsv.NameHeader, before.Name, after.Name));
        }

        if (before.Description != after.Description)
        {
            changes.Add(new ImportedFieldChange(ProductCsv.DescriptionHeader, before.Description, after.Description));
        }

        if (before.Price != after.Price)
        {
            changes.Add(new ImportedFieldChange(ProductCsv.PriceHeader, ProductCsv.FormatPrice(before.Price), ProductCsv.FormatPrice(after.Price)));
        }

        if (before.Stock != after.Stock)
        {
            changes.Add(new ImportedFieldChange(ProductCsv.StockHeader, before.Stock.ToString(CultureInfo.InvariantCulture), after.Stock.ToString(CultureInfo.InvariantCulture)));
        }

        if (before.Status != after.Status)
        {
            changes.Add(new ImportedFieldChange(ProductCsv.StatusHeader, before.Status.ToString(), after.Status.ToString()));
        }

        if (CategoryRules.Key(current.CategoryName) != CategoryRules.Key(categoryName))
        {
            changes.Add(new ImportedFieldChange(ProductCsv.CategoryHeader, current.CategoryName, categoryName));
        }

        return changes;
    }

    /// <summary>
    /// An invariant number ("24.99", "1,024.50"); in a file separated by semicolons (saved by a European Excel) also a
    /// decimal comma ("24,99"). Out-of-range values are left to the rules' message.
    /// </summary>
    private decimal? ParsePrice(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (Table.Separator == ';' && trimmed.Count(c => c == ',') == 1 && !trimmed.Contains('.'))
        {
            trimmed = trimmed.Replace(',', '.');
        }

        return decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture, out var price) ? price : null;
    }

    private static string Clip(string text) => text.Length > 40 ? $"{text[..40]}…" : text;
}
