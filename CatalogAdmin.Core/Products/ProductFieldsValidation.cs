using CatalogAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>What create and update both check of a product's fields: the rules, a unique SKU, and a category that exists.</summary>
internal static class ProductFieldsValidation
{
    public const string MissingCategoryMessage = "That category no longer exists (someone deleted it). Choose another, or none.";

    public static async Task CheckAsync(
        IDbContextFactory<CatalogDbContext> dbFactory, ProductFields fields, Guid? productId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        ProductRules.Check(fields, errors);
        await SkuUniqueness.CheckAsync(dbFactory, fields.Sku, productId, errors, cancellationToken);
        if (fields.CategoryId is { } categoryId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            {
                errors.Add(nameof(ProductField.Category), MissingCategoryMessage);
            }
        }
    }

    /// <summary>A save refused by a constraint another save slipped past the check: the same errors the check gives.</summary>
    public static RequestValidationException? ToValidationError(DbUpdateException exception, ProductFields normalized) =>
        SkuUniqueness.IsViolation(exception) ? SkuUniqueness.ToValidationError(normalized.Sku)
        : SkuUniqueness.IsMissingCategory(exception) ? new RequestValidationException(nameof(ProductField.Category), MissingCategoryMessage)
        : null;
}
