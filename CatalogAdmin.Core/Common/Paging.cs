namespace CatalogAdmin.Core;

/// <summary>The paging rules every list query shares.</summary>
public static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>The highest page number: (page - 1) × page size, the rows skipped, always fits in an int.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static void Check(int page, int pageSize, ValidationErrors errors)
    {
        if (page is < 1 or > MaxPage)
        {
            errors.Add("Page", $"Page must be between 1 and {MaxPage:N0}.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("PageSize", $"Page size must be between 1 and {MaxPageSize}.");
        }
    }
}
