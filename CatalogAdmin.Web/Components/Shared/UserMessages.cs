using CatalogAdmin.Core;

namespace CatalogAdmin.Web.Components.Shared;

/// <summary>Human sentences for failures a page could not handle more specifically. Never exception text.</summary>
public static class UserMessages
{
    /// <summary>The product being edited was deleted meanwhile: said the same way wherever the form finds out.</summary>
    public const string DeletedWhileEditing =
        "Someone else deleted this product after you opened it. Nothing was saved; your values are still in the form if you want to copy them.";

    public static string ForFailure(Exception exception, string action) => exception switch
    {
        ForbiddenException forbidden => $"Could not {action}: {forbidden.Message}",
        NotFoundException => $"Could not {action}: it no longer exists. Someone may have deleted it.",
        ConcurrencyConflictException => $"Could not {action}: someone else changed the product meanwhile. Reload to see their changes.",
        RequestValidationException validation => $"Could not {action}: {string.Join(" ", validation.Errors.SelectMany(e => e.Value))}",
        _ => $"Could not {action} because of an unexpected problem. Nothing was changed; please try again.",
    };
}
