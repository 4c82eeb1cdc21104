using CatalogAdmin.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// A SKU belongs to one product, ignoring case, and stays reserved while that product is in the trash (the unique
/// index covers trashed products too). Validators check it up front for a clear message; the unique index catches
/// two saves that race past that check, and both become the same error.
/// </summary>
internal static class SkuUniqueness
{
    private const int SqliteConstraint = 19;

    public static async Task CheckAsync(
        IDbContextFactory<CatalogDbContext> dbFactory, string? sku, Guid? exceptProductId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (errors.Has(nameof(Product.Sku)))
        {
            return; // the SKU is already refused for its form; a duplicate message would only add noise
        }

        var normalized = ProductRules.NormalizeSku(sku);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var holder = await db.Products
            .Where(p => p.Sku == normalized && p.Id != exceptProductId)
            .Select(p => new { p.Name, InTrash = p.DeletedAt != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (holder is not null)
        {
            errors.Add(nameof(Product.Sku), holder.InTrash ? InTrashMessage(normalized, holder.Name) : DuplicateMessage(normalized, holder.Name));
        }
    }

    /// <summary>Names the product that holds the SKU, so staff know which one to look at (the form links to it).</summary>
    public static string DuplicateMessage(string normalizedSku, string holderName) => $"SKU {normalizedSku} is already used by “{holderName}”.";

    /// <summary>For a save that raced past the check: the holder is not known here.</summary>
    public static string DuplicateMessage(string normalizedSku) => $"SKU {normalizedSku} is already used by another product.";

    public static string InTrashMessage(string normalizedSku, string holderName) =>
        $"SKU {normalizedSku} is held by “{holderName}”, a product in the trash. Restore that product, or delete it permanently, to use the SKU here.";

    public static bool IsViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite => sqlite.Message.Contains("Products.Sku", StringComparison.Ordinal),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres => postgres.ConstraintName == "IX_Products_Sku",
        _ => false,
    };

    /// <summary>The product's category was deleted between the check and the save.</summary>
    public static bool IsMissingCategory(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite => sqlite.Message.Contains("FOREIGN KEY", StringComparison.Ordinal),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } => true,
        _ => false,
    };

    public static RequestValidationException ToValidationError(string normalizedSku) =>
        new(nameof(Product.Sku), DuplicateMessage(normalizedSku));
}
