using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using MediatR;
using MudBlazor;

namespace CatalogAdmin.Web.Components.Shared;

/// <summary>
/// Undoes an import or bulk action for the signed-in user, wherever they ask (a toast's Undo, the import's result, the
/// Activity page): sends <see cref="UndoBatchCommand"/> and, when some products were left as they were, lists them in
/// a dialog. The undo's own toast comes from its notification, like every other change's.
/// </summary>
public sealed partial class BatchUndo(ISender sender, IDialogService dialogService, ISnackbar snackbar, ILogger<BatchUndo> logger)
{
    /// <summary>The undo's result, or null when it was refused or failed (the user was told why).</summary>
    public async Task<BatchUndoResult?> UndoAsync(Guid batchId)
    {
        try
        {
            var result = await sender.Send(new UndoBatchCommand(batchId));
            if (result.Skipped.Count > 0)
            {
                await UndoResultDialog.ShowAsync(dialogService, result);
            }
            else if (result.Reverted == 0)
            {
                snackbar.Add($"{result.Summary}.", Severity.Info); // nothing was written, so no notification will say it
            }

            return result;
        }
        catch (RequestValidationException refused)
        {
            snackbar.Add(string.Join(" ", refused.Errors.SelectMany(e => e.Value)), Severity.Warning);
        }
        catch (ConcurrencyConflictException)
        {
            snackbar.Add("Could not undo: someone saved one of these products at the same moment. Nothing was undone; try again.", Severity.Warning);
        }
        catch (Exception exception)
        {
            LogUndoFailed(exception, batchId);
            snackbar.Add(UserMessages.ForFailure(exception, "undo"), Severity.Error);
        }

        return null;
    }

    /// <summary>A toast's Undo button: it undoes <paramref name="batchId"/> and stays up long enough to be reached.</summary>
    public Action<SnackbarOptions> UndoAction(Guid batchId) => options =>
    {
        options.Action = "Undo";
        options.ActionColor = Color.Inherit;
        options.ActionVariant = Variant.Outlined;
        options.VisibleStateDuration = 15_000;
        options.OnClick = _ => UndoAsync(batchId);
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Undoing batch {BatchId} failed")]
    private partial void LogUndoFailed(Exception exception, Guid batchId);
}
