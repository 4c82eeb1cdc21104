using System.Text.RegularExpressions;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// The field rules of a product, in one place: the entity enforces them, the request validators
/// report them per field, and the UI shows the same limits.
/// </summary>
public static partial class ProductRules
{
    public const int NameMaxLength = 200;
    public const int SkuMinLength = 3;
    public const int SkuMaxLength = 32;
    public const int DescriptionMaxLength = 4000;
    public const decimal MaxPrice = 1_000_000m;
    public const int PriceDecimals = 2;

    /// <summary>Below this many in stock a product is marked "Low stock" and found by the list's low-stock filter.</summary>
    public const int LowStockThreshold = 5;

    public static string NormalizeName(string? name) => (name ?? string.Empty).Trim();

    public static string NormalizeSku(string? sku) => (sku ?? string.Empty).Trim().ToUpperInvariant();

    public static string? NormalizeDescription(string? description)
    {
        var trimmed = description?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// Checks raw input (it is normalised first) and adds a message per broken rule, keyed by the field's name
    /// (<see cref="ProductField"/>), as the commands' validators and the form report them.
    /// </summary>
    public static void Check(ProductFields fields, ValidationErrors errors)
    {
        AddIfBroken(errors, nameof(ProductField.Name), NameError(fields.Name));
        AddIfBroken(errors, nameof(ProductField.Sku), SkuError(fields.Sku));
        AddIfBroken(errors, nameof(ProductField.Description), DescriptionError(fields.Description));
        AddIfBroken(errors, nameof(ProductField.Price), PriceError(fields.Price));
        AddIfBroken(errors, nameof(ProductField.Stock), StockError(fields.Stock));
        AddIfBroken(errors, nameof(ProductField.Status), StatusError(fields.Status));
    }

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

        if (HasBrokenCharacters(normalized))
        {
            return BrokenCharactersMessage("Name");
        }

        return normalized.Any(char.IsControl) ? "Name cannot contain control characters." : null;
    }

    public static string? SkuError(string? sku)
    {
        var normalized = NormalizeSku(sku);
        if (normalized.Length == 0)
        {
            return "SKU is required.";
        }

        if (normalized.Length is < SkuMinLength or > SkuMaxLength)
        {
            return $"SKU must be {SkuMinLength} to {SkuMaxLength} characters long.";
        }

        return SkuPattern().IsMatch(normalized) ? null : "SKU may contain only letters A–Z, digits 0–9 and '-'.";
    }

    public static string? DescriptionError(string? description)
    {
        var normalized = NormalizeDescription(description);
        if (normalized is null)
        {
            return null;
        }

        if (normalized.Length > DescriptionMaxLength)
        {
            return $"Description must be at most {DescriptionMaxLength:N0} characters (it has {normalized.Length:N0}).";
        }

        if (HasBrokenCharacters(normalized))
        {
            return BrokenCharactersMessage("Description");
        }

        // Line breaks and tabs are text; other control characters (NUL, escape codes) are not.
        return normalized.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? "Description cannot contain control characters."
            : null;
    }

    public static string? PriceError(decimal price)
    {
        if (price is < 0 or > MaxPrice)
        {
            return $"Price must be between 0 and {MaxPrice:N0}.";
        }

        return decimal.Round(price, PriceDecimals) == price ? null : "Price can have at most 2 decimal places (cents).";
    }

    public static string? StockError(int stock) => stock < 0 ? "Stock cannot be negative." : null;

    public static string? StatusError(ProductStatus status) =>
        Enum.IsDefined(status) ? null : $"Status must be one of {string.Join(", ", Enum.GetNames<ProductStatus>())}.";

    /// <summary>
    /// Half of a surrogate pair is not a character: it cannot be stored as UTF-8, so SQLite would
    /// silently replace it and the product would not read back as typed.
    /// </summary>
    internal static bool HasBrokenCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    internal static string BrokenCharactersMessage(string field) => $"{field} contains a broken character (half of an emoji or symbol); retype it.";

    private static void AddIfBroken(ValidationErrors errors, string property, string? message)
    {
        if (message is not null)
        {
            errors.Add(property, message);
        }
    }

    [GeneratedRegex("^[A-Z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();
}
