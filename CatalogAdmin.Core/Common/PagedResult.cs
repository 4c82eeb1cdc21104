namespace CatalogAdmin.Core;

/// <summary>
/// One page of a list, with the total number of items across all pages. When <paramref name="TotalIsLowerBound"/> is
/// set there are at least <paramref name="TotalCount"/> items (a list shows "1,000+"), and the page after this one exists.
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize, bool TotalIsLowerBound = false)
{
    public int PageCount => PageSize <= 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
}
