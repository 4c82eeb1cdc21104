using MudBlazor;

namespace CatalogAdmin.Web.Components.Pages.Products;

/// <summary>
/// The questions asked before a product change that a slip of the mouse should not make: each names the product or
/// the fields, and starts on the button that changes nothing (<see cref="Shared.ConfirmDialog"/>).
/// </summary>
internal static class ProductConfirmations
{
    /// <summary>True when the user chose "Delete": the product moves to the trash.</summary>
    public static Task<bool> DeleteAsync(IDialogService dialogService, string productName) =>
        Shared.ConfirmDialog.AskAsync(
            dialogService, "Delete product?", $"Delete “{productName}”? It moves to the Trash, from where it can be restored.", "Delete", Color.Error);

    /// <summary>True when the user chose "Delete permanently" for a product in the trash.</summary>
    public static Task<bool> PurgeAsync(IDialogService dialogService, string productName) =>
        Shared.ConfirmDialog.AskAsync(
            dialogService,
            "Delete permanently?",
            $"Delete “{productName}” permanently? It cannot be restored afterwards, and its SKU becomes free.",
            "Delete permanently",
            Color.Error);

    /// <summary>
    /// Before the form is left with unsaved changes (Cancel, Esc, a link, Back): true when the user chose to discard
    /// them. Focus starts on "Keep editing", so Enter or Esc right away keeps the typed values.
    /// </summary>
    /// <param name="changedFields">The changed fields' labels, as the form shows them ("Price", "Stock").</param>
    public static Task<bool> DiscardChangesAsync(IDialogService dialogService, IReadOnlyList<string> changedFields) =>
        Shared.ConfirmDialog.AskAsync(
            dialogService,
            "Discard your changes?",
            $"You changed {Describe(changedFields)} and did not save. Leaving now loses {(changedFields.Count == 1 ? "it" : "them")}.",
            "Discard changes",
            Color.Error,
            cancelText: "Keep editing");

    private static string Describe(IReadOnlyList<string> fields) => fields.Count switch
    {
        0 => "this product",
        1 => fields[0],
        _ => string.Join(", ", fields.Take(fields.Count - 1)) + " and " + fields[^1],
    };
}
