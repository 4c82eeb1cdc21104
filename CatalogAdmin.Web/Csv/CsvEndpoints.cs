using System.Globalization;
using System.Security.Claims;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Web.Components.Pages.Products;
using MediatR;

namespace CatalogAdmin.Web.Csv;

/// <summary>
/// CSV downloads as plain HTTP endpoints (a link on the page, not bytes pushed through the circuit), streamed from the
/// database to the response: the products list's current view, and the activity log for a date range. Core checks
/// the permission again (the stream request's guard); a refusal or bad value becomes 403 or 400 before any header is sent.
/// </summary>
internal static class CsvEndpoints
{
    public const string ProductsExportPath = "/products/export";

    public const string ActivityExportPath = "/activity/export";

    public static string ActivityExportHref(DateOnly from, DateOnly to) =>
        $"{ActivityExportPath.TrimStart('/')}?from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static void MapCsvEndpoints(this WebApplication app)
    {
        // The list's own query string (?q=…&status=…&category=…&low=…&sort=…&desc=…), so the link is the list's address.
        app.MapGet(ProductsExportPath, (HttpContext http, ISender sender, TimeProvider clock) =>
            {
                var query = http.Request.Query;
                var view = ProductListView.FromQuery(query["q"], query["sort"], query["desc"], null, null, query["status"], query["category"], query["low"]);
                var rows = sender.CreateStream(new ExportProductsQuery(view.ToFilter(), view.SortBy, view.Descending), http.RequestAborted);
                return SendCsvAsync(http, $"products-{Today(clock)}.csv", rows, ProductCsv.WriteAsync);
            })
            .RequireAuthorization(nameof(Permission.ViewCatalog));

        // ?from=2026-11-01&to=2026-11-23: whole UTC days, both included.
        app.MapGet(ActivityExportPath, (HttpContext http, ISender sender, TimeProvider clock) =>
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var from = ParseDate(http.Request.Query["from"]) ?? today.AddDays(-30);
                var to = ParseDate(http.Request.Query["to"]) ?? today;
                var rows = sender.CreateStream(new ExportActivityQuery(from, to), http.RequestAborted);
                return SendCsvAsync(http, $"activity-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.csv", rows, ProductCsv.WriteActivityAsync);
            })
            .RequireAuthorization(nameof(Permission.ViewCatalog));

        // The rows a preview rejected, with an Error column; only for the account that uploaded the file.
        app.MapGet("/products/import/{uploadId:guid}/errors", async (Guid uploadId, HttpContext http, ImportUploads uploads) =>
            {
                if (uploads.Find(uploadId, http.User.FindFirstValue(ClaimTypes.NameIdentifier)) is not { } upload)
                {
                    return Results.NotFound();
                }

                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{ErrorsFileName(upload.FileName)}\"";
                http.Response.Headers.CacheControl = "no-store";
                await using var source = upload.Open();
                await ImportErrorsCsv.WriteAsync(source, upload.Errors, http.Response.Body, http.RequestAborted);
                return Results.Empty;
            })
            .RequireAuthorization(nameof(Permission.EditProducts));
    }

    public static string ErrorsHref(Guid uploadId) => $"products/import/{uploadId}/errors";

    private static string ErrorsFileName(string fileName)
    {
        var stem = new string(Path.GetFileNameWithoutExtension(fileName).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return $"{(stem.Length == 0 ? "import" : stem)}-errors.csv";
    }

    /// <summary>
    /// Reads the first item before anything is sent, so that Core's refusal (who may ask, what was asked) is a status code
    /// with its message rather than a broken file; then the headers, then the rest as it is read.
    /// </summary>
    public static async Task SendCsvAsync<T>(
        HttpContext http, string fileName, IAsyncEnumerable<T> rows, Func<IAsyncEnumerable<T>, Stream, CancellationToken, Task> write)
    {
        var cancellationToken = http.RequestAborted;
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        bool hasFirst;
        try
        {
            hasFirst = await enumerator.MoveNextAsync();
        }
        catch (ForbiddenException refused)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsync(refused.Message, cancellationToken);
            return;
        }
        catch (RequestValidationException invalid)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync(string.Join(" ", invalid.Errors.SelectMany(e => e.Value)), cancellationToken);
            return;
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        http.Response.Headers.CacheControl = "no-store";
        await write(Rest(enumerator, hasFirst), http.Response.Body, cancellationToken);
    }

    private static async IAsyncEnumerable<T> Rest<T>(IAsyncEnumerator<T> started, bool hasFirst)
    {
        if (!hasFirst)
        {
            yield break;
        }

        yield return started.Current;
        while (await started.MoveNextAsync())
        {
            yield return started.Current;
        }
    }

    private static string Today(TimeProvider clock) => clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
