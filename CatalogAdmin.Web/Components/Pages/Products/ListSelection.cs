using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Web.Components.Pages.Products;

/// <summary>
/// The products ticked on the list: single rows (kept while the user pages through), or every product matching the
/// list's search and filters, which is sent as the filter (<see cref="BulkSelection.AllMatching"/>), never as ids.
/// </summary>
public sealed class ListSelection
{
    private readonly HashSet<Guid> _ids = [];

    public bool AllMatching { get; private set; }

    public int Count => _ids.Count;

    public bool IsEmpty => !AllMatching && _ids.Count == 0;

    public bool Contains(Guid id) => AllMatching || _ids.Contains(id);

    /// <summary>True when every row of the page is ticked, false when none is, null for some.</summary>
    public bool? PageState(IReadOnlyCollection<Guid> page) =>
        page.Count == 0 ? false
        : page.All(Contains) ? true
        : page.Any(Contains) ? null
        : false;

    public void Set(Guid id, bool selected, IReadOnlyCollection<Guid> page)
    {
        if (AllMatching && !selected)
        {
            // Unticking one row of "all matching" leaves the rest of this page ticked.
            AllMatching = false;
            _ids.Clear();
            _ids.UnionWith(page);
        }

        if (selected)
        {
            _ids.Add(id);
        }
        else
        {
            _ids.Remove(id);
        }
    }

    public void SetPage(IReadOnlyCollection<Guid> page, bool selected)
    {
        if (selected)
        {
            _ids.UnionWith(page);
        }
        else
        {
            AllMatching = false;
            _ids.ExceptWith(page);
        }
    }

    public void SelectAllMatching() => AllMatching = true;

    public void Clear()
    {
        AllMatching = false;
        _ids.Clear();
    }

    public BulkSelection ToBulkSelection(ProductFilter filter) =>
        AllMatching ? BulkSelection.AllMatching(filter) : BulkSelection.OfIds(_ids);
}
