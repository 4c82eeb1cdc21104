using System.Globalization;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using Microsoft.AspNetCore.Components;

namespace CatalogAdmin.Web.Components.Pages.Products;

/// <summary>
/// Quick edit on the products list: the edited rows (kept while the user pages or sorts), the cells' elements for
/// keyboard movement (Enter moves down), and the rows of the page in the order shown.
/// </summary>
public sealed class QuickEditSession(CultureInfo culture, Action changed)
{
    private readonly Dictionary<Guid, QuickEditDraft> _drafts = [];
    private readonly Dictionary<(Guid, ProductField), ElementReference> _cells = [];
    private IReadOnlyList<Guid> _rows = [];

    public IReadOnlyList<CategoryDto> Categories { get; set; } = [];

    public CultureInfo Culture => culture;

    /// <summary>Rows with a changed cell: what "Save changes (N)" counts and sends.</summary>
    public IReadOnlyList<QuickEditDraft> Changed => [.. _drafts.Values.Where(d => d.HasChanges || d.Conflict is not null)];

    public bool HasChanges => _drafts.Values.Any(d => d.HasChanges);

    public bool HasErrors => _drafts.Values.Any(d => d.HasChanges && d.HasErrors);

    public QuickEditDraft? DraftOf(Guid id) => _drafts.GetValueOrDefault(id);

    public void ShowRows(IEnumerable<Guid> rows) => _rows = [.. rows];

    public void Edit(ProductListItem item, ProductField field, string? text)
    {
        if (!_drafts.TryGetValue(item.Id, out var draft))
        {
            _drafts[item.Id] = draft = new QuickEditDraft(item, culture);
        }

        draft.SetText(field, text);
        changed();
    }

    public void Revert(Guid id, ProductField field)
    {
        if (_drafts.TryGetValue(id, out var draft))
        {
            draft.Revert(field);
            if (!draft.HasChanges && draft.Conflict is null)
            {
                _drafts.Remove(id);
            }

            changed();
        }
    }

    public void Drop(Guid id)
    {
        _drafts.Remove(id);
        changed();
    }

    public void Discard()
    {
        _drafts.Clear();
        changed();
    }

    public void Remember(Guid id, ProductField field, ElementReference element) => _cells[(id, field)] = element;

    public void Forget(Guid id, ProductField field) => _cells.Remove((id, field));

    /// <summary>Enter: the same cell of the next row (or the previous, with <paramref name="step"/> -1).</summary>
    public async Task FocusNextRowAsync(Guid id, ProductField field, int step = 1)
    {
        var index = _rows.ToList().IndexOf(id) + step;
        if (index >= 0 && index < _rows.Count && _cells.TryGetValue((_rows[index], field), out var cell))
        {
            await cell.FocusAsync();
        }
    }
}
