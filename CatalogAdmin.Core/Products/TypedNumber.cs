using System.Globalization;
using System.Text;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Reads a price or a stock count as staff type it, in the catalog's culture, and refuses anything that could mean
/// two things. .NET's own parsing takes every group separator anywhere ("12,5" in en-US is 125); here a group separator
/// is accepted only where it separates thousands (a group of exactly three digits follows it, and the first group has
/// one to three digits), so "12,5" is refused with a message instead of being saved ten times too high.
/// The same rule holds in every culture with its own separators: in de-DE "12,5" is 12.50 and "12.5" is refused.
/// A price may carry the culture's currency symbol before or after it ("$12", "12 €").
/// </summary>
public static class TypedNumber
{
    public static bool TryParsePrice(string? text, CultureInfo culture, out decimal price, out string? error)
    {
        price = 0;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "Price is required.";
            return false;
        }

        var format = culture.NumberFormat;
        var withoutSymbol = StripCurrency(trimmed, format.CurrencySymbol);
        var result = Read(withoutSymbol, format, allowDecimals: true);
        switch (result)
        {
            case Reading.Number:
                if (!decimal.TryParse(InvariantDigits(withoutSymbol, format), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price))
                {
                    error = ProductRules.PriceError(ProductRules.MaxPrice + 1); // too many digits even for decimal: out of range
                    return false;
                }

                error = null;
                return true;
            case Reading.MisplacedGroupSeparator:
                error = $"In a price “{format.NumberGroupSeparator}” only separates thousands, as in {Example(1234.5m, "N2", culture)}. " +
                        $"For cents use “{format.NumberDecimalSeparator}”, as in {Example(12.5m, "0.00", culture)}.";
                return false;
            default:
                error = $"Price must be a number, for example {Example(19.99m, "0.00", culture)}.";
                return false;
        }
    }

    public static bool TryParseStock(string? text, CultureInfo culture, out int stock, out string? error)
    {
        stock = 0;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "Stock is required.";
            return false;
        }

        var format = culture.NumberFormat;
        if (Read(trimmed, format, allowDecimals: false) == Reading.Number
            && int.TryParse(InvariantDigits(trimmed, format), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out stock))
        {
            error = null;
            return true;
        }

        error = $"Stock must be a whole number, for example 12 or {Example(1234m, "N0", culture)}.";
        return false;
    }

    /// <summary>The price as it will be stored and shown, e.g. "$1,234.50".</summary>
    public static string FormatPrice(decimal price, CultureInfo culture) => price.ToString("C", culture);

    private static string Example(decimal value, string format, CultureInfo culture) => value.ToString(format, culture);

    private enum Reading
    {
        Number,
        MisplacedGroupSeparator,
        NotANumber,
    }

    private static string StripCurrency(string text, string symbol)
    {
        if (symbol.Length == 0)
        {
            return text;
        }

        // The sign may come before the symbol ("-$5"); the range rule then refuses it with its own message.
        var negative = text.StartsWith('-');
        var rest = negative ? text[1..].TrimStart() : text;
        if (rest.StartsWith(symbol, StringComparison.Ordinal))
        {
            rest = rest[symbol.Length..].TrimStart();
        }
        else if (rest.EndsWith(symbol, StringComparison.Ordinal))
        {
            rest = rest[..^symbol.Length].TrimEnd();
        }

        return negative ? "-" + rest : rest;
    }

    private static Reading Read(string text, NumberFormatInfo format, bool allowDecimals)
    {
        var body = text.StartsWith('-') || text.StartsWith(format.NegativeSign, StringComparison.Ordinal)
            ? text[(text.StartsWith('-') ? 1 : format.NegativeSign.Length)..].TrimStart()
            : text;
        var decimalSeparator = format.NumberDecimalSeparator;
        var parts = body.Split(decimalSeparator);
        if (parts.Length > 2 || (parts.Length == 2 && !allowDecimals))
        {
            return ContainsGroupSeparator(body, format) ? Reading.MisplacedGroupSeparator : Reading.NotANumber;
        }

        var whole = parts[0];
        var fraction = parts.Length == 2 ? parts[1] : string.Empty;
        if (fraction.Length > 0 && !fraction.All(char.IsAsciiDigit))
        {
            return ContainsGroupSeparator(fraction, format) ? Reading.MisplacedGroupSeparator : Reading.NotANumber;
        }

        if (whole.Length == 0)
        {
            return fraction.Length > 0 ? Reading.Number : Reading.NotANumber; // ".5" is half; "." alone is nothing
        }

        var groups = SplitGroups(whole, format);
        if (groups.Any(group => group.Length == 0 || !group.All(char.IsAsciiDigit)))
        {
            return groups.Count > 1 && groups.All(group => group.All(char.IsAsciiDigit))
                ? Reading.MisplacedGroupSeparator // "1,,000" or a trailing ","
                : Reading.NotANumber;
        }

        if (groups.Count > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(group => group.Length != 3)))
        {
            return Reading.MisplacedGroupSeparator;
        }

        return Reading.Number;
    }

    /// <summary>The number with its group separators and currency gone, in invariant form ("-1234.5").</summary>
    private static string InvariantDigits(string text, NumberFormatInfo format)
    {
        var builder = new StringBuilder(text.Length);
        var body = text.Trim();
        if (body.StartsWith('-') || body.StartsWith(format.NegativeSign, StringComparison.Ordinal))
        {
            builder.Append('-');
            body = body[(body.StartsWith('-') ? 1 : format.NegativeSign.Length)..].TrimStart();
        }

        var parts = body.Split(format.NumberDecimalSeparator);
        builder.Append(string.Concat(SplitGroups(parts[0], format)));
        if (parts.Length == 2 && parts[1].Length > 0)
        {
            builder.Append('.').Append(parts[1]);
        }

        return builder.ToString();
    }

    private static List<string> SplitGroups(string whole, NumberFormatInfo format) =>
        IsSpaceLike(format.NumberGroupSeparator)
            ? [.. whole.Split(SpaceLikeSeparators)] // fr-FR and others group with a (narrow) no-break space: any space will do
            : [.. whole.Split(format.NumberGroupSeparator)];

    private static bool ContainsGroupSeparator(string text, NumberFormatInfo format) =>
        IsSpaceLike(format.NumberGroupSeparator)
            ? text.IndexOfAny(SpaceLikeSeparators) >= 0
            : text.Contains(format.NumberGroupSeparator, StringComparison.Ordinal);

    private static readonly char[] SpaceLikeSeparators = [' ', '\u00A0', '\u202F'];

    private static bool IsSpaceLike(string separator) => separator.Length == 1 && SpaceLikeSeparators.Contains(separator[0]);
}
