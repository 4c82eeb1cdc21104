using System.Globalization;
using CatalogAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Writes a product's history. Every writer of a product (form, import, bulk, trash, restore, revert, undo) calls
/// <see cref="Record"/> before its SaveChanges, so the change and its entry are saved together or not at all.
/// </summary>
public static class ProductHistory
{
    /// <summary>
    /// Adds the entry for a change just made to <paramref name="product"/> (not yet saved) to <paramref name="db"/>.
    /// <paramref name="before"/> is the product's fields before the change, null for <see cref="ProductHistoryKind.Created"/>.
    /// Returns null, and adds nothing, for an update or revert that changed no field.
    /// </summary>
    public static ProductHistoryEntry? Record(
        CatalogDbContext db, Product product, ProductFields? before, ProductHistoryKind kind, ChangeSource source, string? changedBy,
        DateTimeOffset at, Guid? batchId = null, string? changedByRole = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(product);

        var changes = Compare(db, before, product.Fields);
        if (changes.Count == 0 && kind is ProductHistoryKind.Updated or ProductHistoryKind.Reverted)
        {
            return null;
        }

        var entry = new ProductHistoryEntry(product.Id, at, changedBy, changedByRole, source, kind, batchId, product.Version, changes);
        db.ProductHistory.Add(entry);
        return entry;
    }

    /// <summary>The role to record for <paramref name="user"/>: the most powerful one they have.</summary>
    public static string? RoleOf(ICurrentUser user) => Roles.All.FirstOrDefault(user.IsInRole);

    /// <summary>A field's value as history stores it: invariant text, prices with two decimals, null for none.</summary>
    public static string? Text(ProductField field, ProductFields fields) => field switch
    {
        ProductField.Name => fields.Name,
        ProductField.Sku => fields.Sku,
        ProductField.Description => string.IsNullOrEmpty(fields.Description) ? null : fields.Description,
        ProductField.Price => fields.Price.ToString("0.00", CultureInfo.InvariantCulture),
        ProductField.Stock => fields.Stock.ToString(CultureInfo.InvariantCulture),
        ProductField.Status => fields.Status.ToString(),
        ProductField.Category => throw new ArgumentException("A category is recorded by its name: use the category's name.", nameof(field)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a product field."),
    };

    /// <summary>Whether <paramref name="fields"/> still hold the value <paramref name="change"/> set.</summary>
    internal static bool StillHolds(ProductFields fields, StoredFieldChange change, ProductField field) => field == ProductField.Category
        ? fields.CategoryId == change.NewCategoryId
        : Text(field, fields) == change.NewValue;

    /// <summary><paramref name="fields"/> with the field of <paramref name="change"/> set back to its old value.</summary>
    internal static ProductFields WithOldValue(ProductFields fields, StoredFieldChange change, ProductField field) => field switch
    {
        ProductField.Name => fields with { Name = change.OldValue ?? string.Empty },
        ProductField.Sku => fields with { Sku = change.OldValue ?? string.Empty },
        ProductField.Description => fields with { Description = change.OldValue },
        ProductField.Price => fields with { Price = decimal.Parse(change.OldValue ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture) },
        ProductField.Stock => fields with { Stock = int.Parse(change.OldValue ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture) },
        ProductField.Status => fields with { Status = Enum.Parse<ProductStatus>(change.OldValue ?? nameof(ProductStatus.Draft)) },
        ProductField.Category => fields with { CategoryId = change.OldCategoryId },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a product field."),
    };

    internal static ProductField FieldOf(StoredFieldChange change) => Enum.Parse<ProductField>(change.Field);

    private static List<StoredFieldChange> Compare(CatalogDbContext db, ProductFields? before, ProductFields after)
    {
        var changes = new List<StoredFieldChange>();
        foreach (var field in Enum.GetValues<ProductField>())
        {
            if (field == ProductField.Category)
            {
                if (before?.CategoryId != after.CategoryId)
                {
                    changes.Add(new StoredFieldChange(
                        nameof(ProductField.Category), CategoryName(db, before?.CategoryId), CategoryName(db, after.CategoryId), before?.CategoryId, after.CategoryId));
                }

                continue;
            }

            var oldValue = before is null ? null : Text(field, before);
            var newValue = Text(field, after);
            if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                changes.Add(new StoredFieldChange(field.ToString(), oldValue, newValue));
            }
        }

        return changes;
    }

    /// <summary>The category's name now (the one a person saw when making the change); null for none or a deleted one.</summary>
    private static string? CategoryName(CatalogDbContext db, Guid? categoryId)
    {
        if (categoryId is not { } id)
        {
            return null;
        }

        // A bulk change names the same few categories again and again: Find asks the context's tracked ones first and
        // tracks what it reads, so a chunk of a thousand products reads each category once.
        return db.Categories.Find(id)?.Name;
    }
}
