using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Categories;

/// <summary>A category's name rules, and its uniqueness ignoring case (checked up front, and by the unique index for races).</summary>
public static class CategoryRules
{
    public const int NameMaxLength = 100;
    private const int SqliteConstraint = 19;

    public static string NormalizeName(string? name) => (name ?? string.Empty).Trim();

    /// <summary>The form a name is compared in: "mugs", "MUGS" and " Mugs " are one category.</summary>
    public static string Key(string? name) => NormalizeName(name).ToUpperInvariant();

    public static string? NameError(string? name)
    {
        var normalized = NormalizeName(name);
        if (normalized.Length == 0)
        {
            return "Name is required.";
        }

        if (normalized.Length > NameMaxLength)
        {
            return $"Name must be at most {NameMaxLength} characters (it has {normalized.Length}).";
        }

        if (ProductRules.HasBrokenCharacters(normalized))
        {
            // Half of a surrogate pair cannot be stored as UTF-8: the name would not read back as typed.
            return ProductRules.BrokenCharactersMessage("Name");
        }

        return normalized.Any(char.IsControl) ? "Name cannot contain control characters." : null;
    }

    /// <summary>Adds the name's rule errors and, when it is well formed, whether another category already has it.</summary>
    public static async Task CheckNameAsync(
        IDbContextFactory<CatalogDbContext> dbFactory, string? name, Guid? exceptCategoryId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (NameError(name) is { } error)
        {
            errors.Add(nameof(Category.Name), error);
            return;
        }

        var key = Key(name);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.Categories.Where(c => c.NormalizedName == key && c.Id != exceptCategoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            errors.Add(nameof(Category.Name), DuplicateMessage(taken));
        }
    }

    public static string DuplicateMessage(string existingName) => $"There is already a category named “{existingName}”.";

    public static bool IsDuplicate(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite => sqlite.Message.Contains("Categories.NormalizedName", StringComparison.Ordinal),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres => postgres.ConstraintName == "IX_Categories_NormalizedName",
        _ => false,
    };
}
