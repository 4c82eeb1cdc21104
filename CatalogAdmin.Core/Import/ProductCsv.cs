using System.Globalization;
using CsvHelper;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Core.Import;

/// <summary>
/// The app's CSV file of products, as export writes it and import reads it back: the columns, how values are written
/// (invariant prices with two decimals, ISO 8601 UTC times), UTF-8 with a byte-order mark, RFC 4180 quoting with CRLF,
/// and cells that spreadsheets would run as formulas escaped with a leading apostrophe (OWASP "CSV Injection").
/// </summary>
public static class ProductCsv
{
    public const string SkuHeader = "SKU";
    public const string NameHeader = "Name";
    public const string DescriptionHeader = "Description";
    public const string PriceHeader = "Price";
    public const string StockHeader = "Stock";
    public const string StatusHeader = "Status";
    public const string CategoryHeader = "Category";
    public const string UpdatedHeader = "Updated";

    public static IReadOnlyList<string> Headers { get; } =
        [SkuHeader, NameHeader, DescriptionHeader, PriceHeader, StockHeader, StatusHeader, CategoryHeader, UpdatedHeader];

    /// <summary>A cell starting with one of these is written with <see cref="EscapeCharacter"/> in front (CsvHelper's injection escape).</summary>
    private const string InjectionCharacters = "=+-@\t\r";

    public const char EscapeCharacter = '\'';

    public static CsvWriterOptions WriterOptions { get; } = new()
    {
        WriteByteOrderMark = true, // Excel and LibreOffice read UTF-8 only with one
        Injection = CsvInjection.Escape,
        InjectionCharacters = InjectionCharacters,
        InjectionEscape = EscapeCharacter,
    };

    /// <summary>A cell as it was before it was escaped (by CsvHelper or <see cref="EscapeText"/>); other cells as they are.</summary>
    public static string Unescape(string cell) =>
        cell.Length >= 2 && cell[0] == EscapeCharacter && (InjectionCharacters.Contains(cell[1]) || cell[1] == EscapeCharacter) ? cell[1..] : cell;

    /// <summary>
    /// A text that itself starts with the escape and then a character <see cref="Unescape"/> would take as escaped
    /// ("'=x", "''") gets one more escape in front, which CsvHelper's injection escape does not add: so every text reads
    /// back exactly as it was.
    /// </summary>
    public static string? EscapeText(string? text) =>
        text is { Length: >= 2 } && text[0] == EscapeCharacter && (InjectionCharacters.Contains(text[1]) || text[1] == EscapeCharacter)
            ? EscapeCharacter + text
            : text;

    public static string FormatPrice(decimal price) => price.ToString("0.00", CultureInfo.InvariantCulture);

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes the header and every row, then flushes; the caller owns <paramref name="output"/>.</summary>
    public static async Task WriteAsync(IAsyncEnumerable<ProductExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, WriterOptions, leaveOpen: true);
        csv.WriteHeader([.. Headers]);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Sku);
            csv.WriteField(EscapeText(row.Name));
            csv.WriteField(EscapeText(row.Description));
            csv.WriteField(FormatPrice(row.Price));
            csv.WriteField(row.Stock.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Status.ToString());
            csv.WriteField(EscapeText(row.Category));
            csv.WriteField(FormatTime(row.UpdatedAt));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The activity log as CSV: When (ISO 8601 UTC), What, Product, SKU, Account (a staff change's account), Detail, By,
    /// and the emails of both people, filled only when the reader may see them.
    /// </summary>
    public static async Task WriteActivityAsync(IAsyncEnumerable<Activity.ActivityExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, WriterOptions, leaveOpen: true);
        csv.WriteHeader(["When", "What", "Product", "SKU", "Account", "Account email", "Detail", "By", "By email"]);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(FormatTime(row.OccurredAt));
            csv.WriteField(row.What);
            csv.WriteField(EscapeText(row.ProductName));
            csv.WriteField(EscapeText(row.ProductSku));
            csv.WriteField(EscapeText(row.Account?.DisplayName));
            csv.WriteField(EscapeText(row.Account?.Email));
            csv.WriteField(EscapeText(row.Detail));
            csv.WriteField(EscapeText(row.ChangedBy?.DisplayName));
            csv.WriteField(EscapeText(row.ChangedBy?.Email));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
