using CatalogAdmin.Core;
using MudBlazor;

namespace CatalogAdmin.Web.Components.Shared;

/// <summary>
/// Loads one page of a grid. A failure is logged with its details and told to the user in one sentence (never the
/// exception's text), and the grid shows an empty page; a load cancelled because a newer one replaced it is not a failure.
/// </summary>
public static class GridPageLoader
{
    /// <returns>The page, or null when it could not be loaded (the user has been told).</returns>
    public static async Task<PagedResult<T>?> LoadOrReportAsync<T>(
        Func<Task<PagedResult<T>>> load, string what, ILogger logger, ISnackbar snackbar, CancellationToken cancellationToken)
    {
        try
        {
            return await load();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Loading the {What} failed", what);
            snackbar.Add(FailureMessage(what), Severity.Error);
            return null;
        }
    }

    public static string FailureMessage(string what) => $"The {what} could not be loaded. Please try again in a moment.";

    public static GridData<T> ToGridData<T>(this PagedResult<T>? page) =>
        page is null ? new GridData<T> { Items = [], TotalItems = 0 } : new GridData<T> { Items = page.Items, TotalItems = page.TotalCount };
}
