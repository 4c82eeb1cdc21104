using System.Text.Unicode;
using CsvHelper;

namespace CatalogAdmin.Core.Import;

/// <summary>The fields an import file can give, whatever its headers call them.</summary>
public enum ImportColumn
{
    Sku,
    Name,
    Description,
    Price,
    Stock,
    Status,
    Category,

    /// <summary>Shopify's product handle: the rows of one product's variants share it.</summary>
    Handle,

    /// <summary>Shopify's first option value (e.g. "Large"), which names a variant.</summary>
    OptionValue,
}

/// <summary>Whose headers the file has: the app's own export, or Shopify's product CSV (legacy or current).</summary>
public enum ImportFormat
{
    CatalogAdmin,
    Shopify,
}

/// <summary>One product row of the file: its row number as a spreadsheet shows it (the header is row 1), its cells by column.</summary>
/// <param name="Cells">Indexed by <see cref="ImportColumn"/>; null where the file has no such column.</param>
internal sealed record ImportRow(int Row, string?[] Cells)
{
    public string? this[ImportColumn column] => Cells[(int)column];
}

/// <summary>A file read and understood: which header gives which field, the columns ignored, and the product rows.</summary>
internal sealed record ImportTable(
    ImportFormat Format,
    char Separator,
    IReadOnlyDictionary<ImportColumn, string> Headers,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<ImportRow> Rows,
    int SkippedRows)
{
    public bool Has(ImportColumn column) => Headers.ContainsKey(column);

    /// <summary>The column's header as the file spells it, for messages; the app's own name when the file has none.</summary>
    public string HeaderOf(ImportColumn column) => Headers.TryGetValue(column, out var header) ? header : column.ToString();
}

/// <summary>The limits of one import file, said on the import page.</summary>
public static class ImportLimits
{
    public const long MaxBytes = 50L * 1024 * 1024;
    public const int MaxRows = 200_000;
}

/// <summary>
/// Reads an import file with CsvHelper: the separator (comma, semicolon, tab) is detected, a UTF-8 byte-order mark is
/// optional, columns are found by header ignoring case and order, and the app's injection escape is undone. Shopify's
/// files have a row per variant: product-level cells (title, description, status, type) blank on a handle's later rows
/// are taken from its first row, and each variant is named "Title – Option1 value" when the handle has several.
/// A file that cannot be an import (empty, header only, not text, too large, too many rows) is refused with one
/// message on "File".
/// </summary>
internal static class ImportFileReader
{
    public const string FileProperty = "File";

    private static readonly Dictionary<string, ImportColumn> KnownHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        // The app's own export
        ["SKU"] = ImportColumn.Sku,
        ["Name"] = ImportColumn.Name,
        ["Description"] = ImportColumn.Description,
        ["Price"] = ImportColumn.Price,
        ["Stock"] = ImportColumn.Stock,
        ["Status"] = ImportColumn.Status,
        ["Category"] = ImportColumn.Category,
        // Shopify, legacy product CSV
        ["Handle"] = ImportColumn.Handle,
        ["Title"] = ImportColumn.Name,
        ["Body (HTML)"] = ImportColumn.Description,
        ["Variant SKU"] = ImportColumn.Sku,
        ["Variant Price"] = ImportColumn.Price,
        ["Variant Inventory Qty"] = ImportColumn.Stock,
        ["Type"] = ImportColumn.Category,
        ["Option1 Value"] = ImportColumn.OptionValue,
        // Shopify, current product CSV (Title, Description, SKU, Price, Status, Type as above)
        ["URL handle"] = ImportColumn.Handle,
        ["Inventory quantity"] = ImportColumn.Stock,
    };

    /// <summary>Product-level columns of a Shopify file: filled on a handle's first row only.</summary>
    private static readonly ImportColumn[] ProductLevel = [ImportColumn.Name, ImportColumn.Description, ImportColumn.Status, ImportColumn.Category];

    /// <param name="content">The file, seekable (a file or memory stream); read from its start.</param>
    public static async Task<ImportTable> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The import file must be seekable (a file or memory stream).", nameof(content));
        }

        content.Position = 0;
        if (content.Length == 0)
        {
            throw Refused("The file is empty.");
        }

        if (content.Length > ImportLimits.MaxBytes)
        {
            throw Refused($"The file is {content.Length / (1024.0 * 1024):N1} MB; an import file can be at most {ImportLimits.MaxBytes / (1024 * 1024)} MB. Split it into smaller files.");
        }

        await CheckIsTextAsync(content, cancellationToken);

        await using var csv = CsvReader.Create(content, new CsvReaderOptions { MaxRecordSize = 1024 * 1024 }, leaveOpen: true);
        IReadOnlyList<string> headers;
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            headers = csv.Headers;
        }
        catch (CsvFormatException exception)
        {
            throw Refused($"The file's header row cannot be read as CSV: {exception.Message}");
        }

        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw Refused("The file is empty.");
        }

        var (columns, names, ignored) = MapHeaders(headers);
        if (!columns.ContainsKey(ImportColumn.Sku))
        {
            throw Refused($"The file has no SKU column (found: {string.Join(", ", headers.Select(h => $"“{h}”"))}). " +
                          "Use the headers of an export (SKU, Name, Price, …) or of Shopify's product CSV.");
        }

        var format = columns.ContainsKey(ImportColumn.Handle) ? ImportFormat.Shopify : ImportFormat.CatalogAdmin;
        var rows = new List<ImportRow>();
        try
        {
            while (await csv.ReadAsync(cancellationToken))
            {
                if (rows.Count == ImportLimits.MaxRows)
                {
                    throw Refused($"The file has more than {ImportLimits.MaxRows:N0} rows; an import can have at most {ImportLimits.MaxRows:N0}. Split it into smaller files.");
                }

                var cells = new string?[Enum.GetValues<ImportColumn>().Length];
                foreach (var (column, index) in columns)
                {
                    var cell = ProductCsv.Unescape(csv.GetString(index));
                    if (cell.Contains('\0'))
                    {
                        throw Refused("The file is not a CSV text file (it holds binary data).");
                    }

                    cells[(int)column] = format == ImportFormat.Shopify && column == ImportColumn.Description ? HtmlText.ToPlainText(cell) : cell;
                }

                rows.Add(new ImportRow((int)csv.RowNumber + 1, cells));
            }
        }
        catch (CsvFormatException exception)
        {
            throw Refused($"The file cannot be read as CSV: {exception.Message}");
        }

        if (rows.Count == 0)
        {
            throw Refused("The file has a header row but no products.");
        }

        var skipped = 0;
        if (format == ImportFormat.Shopify)
        {
            (rows, skipped) = ResolveVariants(rows);
        }

        return new ImportTable(format, csv.Separator, names, ignored, rows, skipped);
    }

    private static (Dictionary<ImportColumn, int> Columns, Dictionary<ImportColumn, string> Names, List<string> Ignored) MapHeaders(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<ImportColumn, int>();
        var names = new Dictionary<ImportColumn, string>();
        var ignored = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            if (KnownHeaders.TryGetValue(header, out var column) && columns.TryAdd(column, i))
            {
                names[column] = header;
            }
            else if (header.Length > 0)
            {
                ignored.Add(header); // unknown, a second column for the same field, or one the app sets itself (Updated)
            }
        }

        return (columns, names, ignored);
    }

    /// <summary>Shopify: each row with a SKU is a product; a handle's later rows take its product-level cells from its first.</summary>
    private static (List<ImportRow> Rows, int Skipped) ResolveVariants(List<ImportRow> rows)
    {
        var first = new Dictionary<string, ImportRow>(StringComparer.OrdinalIgnoreCase);
        var variants = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var handle = row[ImportColumn.Handle]?.Trim() ?? string.Empty;
            first.TryAdd(handle, row);
            if (!string.IsNullOrWhiteSpace(row[ImportColumn.Sku]))
            {
                variants[handle] = variants.GetValueOrDefault(handle) + 1;
            }
        }

        var products = new List<ImportRow>(rows.Count);
        foreach (var row in rows)
        {
            if (string.IsNullOrWhiteSpace(row[ImportColumn.Sku]))
            {
                continue; // an image row, or a product without SKUs: nothing to key it by
            }

            var handle = row[ImportColumn.Handle]?.Trim() ?? string.Empty;
            var cells = (string?[])row.Cells.Clone();
            var head = first[handle];
            if (!ReferenceEquals(head, row))
            {
                foreach (var column in ProductLevel)
                {
                    if (string.IsNullOrWhiteSpace(cells[(int)column]))
                    {
                        cells[(int)column] = head.Cells[(int)column];
                    }
                }
            }

            if (variants[handle] > 1 && !string.IsNullOrWhiteSpace(cells[(int)ImportColumn.Name])
                && row[ImportColumn.OptionValue]?.Trim() is { Length: > 0 } option)
            {
                cells[(int)ImportColumn.Name] = $"{cells[(int)ImportColumn.Name]!.Trim()} – {option}";
            }

            products.Add(row with { Cells = cells });
        }

        return (products, rows.Count - products.Count);
    }

    /// <summary>Refuses a file that is not text: NUL bytes or invalid UTF-8 at its start (UTF-16 with a byte-order mark is text).</summary>
    private static async Task CheckIsTextAsync(Stream content, CancellationToken cancellationToken)
    {
        var start = new byte[(int)Math.Min(content.Length, 64 * 1024)];
        await content.ReadExactlyAsync(start, cancellationToken);
        content.Position = 0;
        if (start is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return;
        }

        // Not final: a multi-byte character cut at the end of the sample is not an error.
        var status = Utf8.ToUtf16(start, new char[start.Length], out _, out _, replaceInvalidSequences: false, isFinalBlock: false);
        if (start.AsSpan().Contains((byte)0) || status == System.Buffers.OperationStatus.InvalidData)
        {
            throw Refused("The file is not a CSV text file: save it as “CSV UTF-8” and choose it again.");
        }
    }

    public static RequestValidationException Refused(string message) => new(FileProperty, message);
}
