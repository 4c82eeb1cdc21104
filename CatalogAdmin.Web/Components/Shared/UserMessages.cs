using CatalogAdmin.Core;

namespace CatalogAdmin.Web.Components.Shared;

/// <summary>Human sentences for failures a page could not handle more specifically. Never exception text.</summary>
public static class UserMessages
{
    public static string ForFailure(Exception exception, string action) => exception switch
    {
        ForbiddenException forbidden => $"Could not {action}: {forbidden.Message}",
        NotFoundException => $"Could not {action}: it no longer exists. Someone may have deleted it.",
        ConcurrencyConflictException => $"Could not {action}: someone else changed the product meanwhile. Reload to see their changes.",
        RequestValidationException validation => $"Could not {action}: {string.Join(" ", validation.Errors.SelectMany(e => e.Value))}",
        _ => $"Could not {action} because of an unexpected problem. Nothing was changed; please try again.",
    };
}
