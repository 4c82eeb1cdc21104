namespace CatalogAdmin.Web.Components.Layout;

/// <summary>Where the focus is when a key is pressed.</summary>
public enum KeyTarget
{
    /// <summary>The page itself, a link, a button, a list row: nothing that takes typed text.</summary>
    Page,

    /// <summary>A text field, text area, select or contenteditable element: the user is typing.</summary>
    Field,

    /// <summary>The list's search field (marked <c>data-shortcut="search"</c>).</summary>
    SearchField,
}

/// <summary>Which targets a shortcut also fires in, besides the page itself.</summary>
public enum ShortcutScope
{
    /// <summary>Never while typing in a field.</summary>
    PageOnly,

    /// <summary>Also from the search field, so that ↓ leaves the search for the list's rows.</summary>
    AlsoInSearch,

    /// <summary>Also from inside any field: Ctrl+S and Esc in a form are meant to work from its fields.</summary>
    AlsoInFields,
}

/// <summary>
/// One keyboard shortcut. <paramref name="Key"/> is the DOM <c>KeyboardEvent.key</c>; <paramref name="Mod"/> means Ctrl,
/// or ⌘ on a Mac. <paramref name="Action"/> is what the browser does (keyboard.js): focus or click the page's element
/// marked <c>data-shortcut="…"</c>, move through the rows of a grid marked <c>data-row-nav</c>, or ask the layout to
/// open a dialog.
/// </summary>
public sealed record Shortcut(string Key, bool Mod, ShortcutScope Scope, string Action, string Keys, string Description)
{
    public bool Matches(KeyPress press) =>
        !press.Alt
        && (press.Ctrl || press.Meta) == Mod
        && (Mod ? string.Equals(press.Key, Key, StringComparison.OrdinalIgnoreCase) : press.Key == Key)
        && press.Target switch
        {
            KeyTarget.Page => true,
            KeyTarget.SearchField => Scope is ShortcutScope.AlsoInSearch or ShortcutScope.AlsoInFields,
            _ => Scope is ShortcutScope.AlsoInFields,
        };
}

/// <summary>A key pressed, as keyboard.js describes it.</summary>
public readonly record struct KeyPress(string Key, bool Ctrl = false, bool Meta = false, bool Alt = false, KeyTarget Target = KeyTarget.Page);

/// <summary>
/// Every keyboard shortcut of the app, and the rule that decides whether a key press is one. The browser applies the
/// same table (sent to keyboard.js at start-up) and the same rule; the help dialog lists it.
/// </summary>
public static class ShortcutKeys
{
    public const string ShowHelp = "help";
    public const string OpenPalette = "palette";

    public static IReadOnlyList<Shortcut> All { get; } =
    [
        new("?", false, ShortcutScope.PageOnly, ShowHelp, "?", "Show these keyboard shortcuts"),
        new("k", true, ShortcutScope.PageOnly, OpenPalette, "Ctrl+K (⌘K on a Mac)", "Go to a page or a product by name or SKU"),
        new("/", false, ShortcutScope.PageOnly, "focus:search", "/", "Search the list"),
        new("ArrowDown", false, ShortcutScope.AlsoInSearch, "row:next", "↓ ↑", "Move through the list's rows"),
        new("ArrowUp", false, ShortcutScope.PageOnly, "row:previous", "↓ ↑", "Move through the list's rows"),
        new("Enter", false, ShortcutScope.PageOnly, "row:open", "Enter", "Open the product in the focused row"),
        new("n", false, ShortcutScope.PageOnly, "click:new", "N", "New product"),
        new("e", false, ShortcutScope.PageOnly, "click:edit", "E", "Edit the product shown"),
        new("s", true, ShortcutScope.AlsoInFields, "click:save", "Ctrl+S (⌘S on a Mac)", "Save the form"),
        new("Escape", false, ShortcutScope.AlsoInFields, "escape", "Esc", "Close a dialog or the menu, or leave the form"),
    ];

    /// <summary>The shortcut this key press is, here; null when it is none and the key should do what it always does.</summary>
    public static Shortcut? Find(KeyPress press) => All.FirstOrDefault(shortcut => shortcut.Matches(press));

    /// <summary>What the help dialog lists: one line per distinct description, in the table's order.</summary>
    public static IEnumerable<(string Keys, string Description)> Listed() =>
        All.Select(s => (s.Keys, s.Description)).Distinct();
}
