namespace CatalogAdmin.Core;

/// <summary>The paging rules every list query shares.</summary>
public static class Paging
{
    public const int MaxPageSize = 100;

    public static void Check(int page, int pageSize, ValidationErrors errors)
    {
        if (page < 1)
        {
            errors.Add("Page", "Page must be 1 or more.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("PageSize", $"Page size must be between 1 and {MaxPageSize}.");
        }
    }
}
