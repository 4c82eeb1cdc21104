using CsvHelper;

namespace CatalogAdmin.Core.Import;

/// <summary>
/// "Download errors": the rows an import rejected, as they are in the file (every column, in its order), with an
/// added Error column that says what is wrong, so staff fix them and import the file again.
/// </summary>
public static class ImportErrorsCsv
{
    public const string ErrorHeader = "Error";

    /// <param name="source">The import file (seekable), read from its start.</param>
    public static async Task WriteAsync(Stream source, IReadOnlyList<ImportError> errors, Stream output, CancellationToken cancellationToken)
    {
        var byRow = errors.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(e => $"{e.Column}: {e.Message}")));
        source.Position = 0;
        await using var reader = CsvReader.Create(source, new CsvReaderOptions { MaxRecordSize = 1024 * 1024 }, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        var headers = reader.Headers;

        await using var writer = CsvWriter.Create(output, ProductCsv.WriterOptions with { ValidateFieldCount = false }, leaveOpen: true);
        writer.WriteHeader([.. headers, ErrorHeader]);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!byRow.TryGetValue((int)reader.RowNumber + 1, out var message))
            {
                continue;
            }

            for (var i = 0; i < headers.Count; i++)
            {
                writer.WriteField(reader.GetString(i));
            }

            writer.WriteField(message);
            await writer.EndRecordAsync(cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
