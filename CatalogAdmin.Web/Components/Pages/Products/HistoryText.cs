using System.Globalization;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Web.Components.Pages.Products;

/// <summary>
/// A history entry as a person would say it: "Price $19.99 → $24.99, Stock 3 → 10", then "— ana@… (Editor), 2 min ago, form".
/// Values come as invariant text from Core; prices and numbers are shown in the catalog's culture.
/// </summary>
public sealed class HistoryText(CatalogCulture culture)
{
    private const int LongTextLength = 40;

    /// <summary>What the entry did, with its changed fields.</summary>
    public string Summary(ProductHistoryEntryDto entry) => entry.Kind switch
    {
        ProductHistoryKind.Created => "Created",
        ProductHistoryKind.Trashed => "Moved to the trash",
        ProductHistoryKind.Restored => "Restored from the trash",
        ProductHistoryKind.Reverted => "Reverted: " + Changes(entry.Changes),
        _ => Changes(entry.Changes),
    };

    public string Changes(IEnumerable<FieldChange> changes) =>
        string.Join(", ", changes.Select(c => $"{Label(c.Field)} {Value(c.Field, c.OldValue)} → {Value(c.Field, c.NewValue)}"));

    /// <summary>Who, when and from where: "ana@example.com (Editor), 2 min ago, form".</summary>
    public static string Who(ProductHistoryEntryDto entry) =>
        (entry.ChangedBy ?? "The system") + (entry.ChangedByRole is { } role ? $" ({role})" : string.Empty);

    public static string Source(ChangeSource source) => source switch
    {
        ChangeSource.QuickEdit => "quick edit",
        _ => source.ToString().ToLowerInvariant(),
    };

    /// <summary>"just now", "2 min ago", "3 h ago", "yesterday"; null past a week (then show the date).</summary>
    public static string? Ago(DateTimeOffset time, DateTimeOffset now)
    {
        var age = now - time;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
            { TotalDays: < 2 } => "yesterday",
            { TotalDays: < 7 } => $"{(int)age.TotalDays} days ago",
            _ => null,
        };
    }

    public static string Label(string field) => field switch
    {
        nameof(ProductField.Sku) => "SKU",
        _ => field,
    };

    /// <summary>One value as the details page shows it: a price in the catalog's currency, text in quotes, "none" for none.</summary>
    public string Value(string field, string? value)
    {
        if (value is null)
        {
            return "none";
        }

        return field switch
        {
            nameof(ProductField.Price) when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) => culture.FormatPrice(price),
            nameof(ProductField.Stock) when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stock) => stock.ToString("N0", culture.Culture),
            nameof(ProductField.Sku) or nameof(ProductField.Status) => value,
            _ => $"“{Shorten(value)}”",
        };
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= LongTextLength ? line : line[..(LongTextLength - 1)].TrimEnd() + "…";
    }
}
