// Keyboard shortcuts, list-row navigation and focus care for the whole app.
// The shortcut table and its rule live on the server (Components/Layout/ShortcutKeys.cs, unit-tested); the layout
// sends the table here at start-up. Pages only mark their elements:
//   data-shortcut="search" | "new" | "edit" | "save" | "cancel"   and   data-row-nav on a list's grid.
// What a shortcut does is done to what is on the page (focus, click), so pages need no code for it.
(() => {
    "use strict";

    let shortcuts = [];
    let layout = null; // the layout's KeyboardShortcuts component, for the shortcuts that open its dialogs
    let lastFocusOutsideDialog = null;
    let dialogWasOpen = false;

    const notTyping = new Set(["button", "checkbox", "color", "file", "hidden", "image", "radio", "range", "reset", "submit"]);

    /** Where a key press lands, in ShortcutKeys' terms: Page, Field or SearchField. */
    function targetOf(element) {
        if (!(element instanceof HTMLElement)) return "Page";
        const typing = element.isContentEditable || element.matches("textarea, select")
            || (element.matches("input") && !notTyping.has(element.type));
        if (!typing) return "Page";
        return element.closest("[data-shortcut='search']") ? "SearchField" : "Field";
    }

    /** The same rule as Shortcut.Matches in ShortcutKeys.cs. */
    function matches(shortcut, event, target) {
        if (event.altKey || (event.ctrlKey || event.metaKey) !== shortcut.mod) return false;
        const sameKey = shortcut.mod ? event.key.toLowerCase() === shortcut.key.toLowerCase() : event.key === shortcut.key;
        if (!sameKey) return false;
        if (target === "Page") return true;
        if (target === "SearchField") return shortcut.scope === "AlsoInSearch" || shortcut.scope === "AlsoInFields";
        return shortcut.scope === "AlsoInFields";
    }

    const dialogOpen = () => document.querySelector(".mud-dialog-container") !== null;
    const menuOpen = () => document.querySelector(".mud-popover-open:not(.mud-tooltip)") !== null;
    const visible = element => element.getClientRects().length > 0;
    const enabled = element => !element.matches(":disabled, [aria-disabled='true'], .mud-disabled");

    function marked(name) {
        return [...document.querySelectorAll(`[data-shortcut='${name}']`)].find(e => visible(e) && enabled(e)) ?? null;
    }

    function focusMarked(name) {
        const element = marked(name);
        const field = element?.matches("input, textarea") ? element : element?.querySelector("input, textarea");
        if (!field) return false;
        field.focus();
        field.select?.();
        return true;
    }

    function clickMarked(name) {
        const element = marked(name);
        if (!element) return false;
        // A field bound "on change" has not told the server its value yet: tell it before the click.
        const active = document.activeElement;
        if (active?.matches("input, textarea, select")) active.dispatchEvent(new Event("change", { bubbles: true }));
        element.click();
        return true;
    }

    // List rows: ↓ from the search field, the page or a row moves to the next row; ↑ moves back (to the search
    // field from the first row); Enter opens the focused row's link. Other controls keep their own arrow keys.
    const rowsOf = grid => [...grid.querySelectorAll("tbody tr")].filter(row => row.querySelector("a[href]"));
    const interactive = "a[href], button, input, select, textarea, [role='button'], [role='combobox'], [role='listbox'], [tabindex='0']";

    function moveRow(from, step) {
        const row = from.closest?.("[data-row-nav] tbody tr");
        const grid = row?.closest("[data-row-nav]") ?? document.querySelector("[data-row-nav]");
        if (!grid || !visible(grid)) return false;
        if (!row && from.matches?.(interactive) && targetOf(from) !== "SearchField") return false;
        const rows = rowsOf(grid);
        if (rows.length === 0) return false;
        if (!row) {
            if (step < 0) return false;
            return focusRow(rows[0]);
        }

        const index = rows.indexOf(row) + step;
        if (index < 0) return focusMarked("search");
        return focusRow(rows[Math.min(index, rows.length - 1)]);
    }

    function focusRow(row) {
        row.tabIndex = -1;
        row.focus();
        return true;
    }

    function openRow(from) {
        const row = from.matches?.("[data-row-nav] tbody tr") ? from : null;
        const link = row?.querySelector("a[href]");
        if (!link) return false;
        link.click();
        return true;
    }

    // Esc: the phone's navigation drawer closes first; otherwise a form is left through its Cancel button
    // (which asks first when there are unsaved changes). Dialogs and menus close themselves on Esc.
    function escape() {
        // The account menu is the browser's popover; Esc closes it before anything else.
        const popover = document.querySelector("[popover]:popover-open");
        if (popover) {
            popover.hidePopover();
            return true;
        }

        if (menuOpen()) {
            // A menu opened by mouse keeps the focus on its button, where MudBlazor does not see Esc: close it.
            const scrim = [...document.querySelectorAll(".mud-overlay")].find(visible);
            if (scrim) {
                scrim.click();
                return true;
            }
        }

        const overlay = document.querySelector(".mud-drawer-open.mud-drawer--temporary ~ .mud-overlay, .mud-overlay-drawer");
        if (overlay && visible(overlay)) {
            overlay.click();
            return true;
        }

        return clickMarked("cancel");
    }

    function perform(action, event) {
        const [verb, name] = action.split(":");
        switch (verb) {
            case "focus": return focusMarked(name);
            case "click": return clickMarked(name);
            case "row": return name === "open" ? openRow(event.target) : moveRow(event.target, name === "next" ? 1 : -1);
            case "escape": return escape();
            default:
                if (!layout) return false;
                layout.invokeMethodAsync("OnShortcut", action);
                return true;
        }
    }

    document.addEventListener("keydown", event => {
        if (event.defaultPrevented || event.isComposing || dialogOpen()) return; // a dialog handles its own keys
        const target = targetOf(event.target);
        const shortcut = shortcuts.find(s => matches(s, event, target));
        if (shortcut && perform(shortcut.action, event)) {
            event.preventDefault();
        }
    });

    // "Skip to content": focus the page's heading (or its main region) without a navigation.
    window.addEventListener("click", event => {
        const link = event.target.closest?.("a[data-skip-link]");
        if (!link) return;
        event.preventDefault();
        event.stopPropagation();
        const main = document.getElementById("main-content");
        const heading = main?.querySelector("h1");
        if (heading) {
            heading.tabIndex = -1;
            heading.focus();
        } else {
            main?.focus();
        }
    }, true);

    // After a dialog closes, focus returns to what opened it (unless something else took it, e.g. a new page).
    // When one opens, focus goes to its first control: MudBlazor 9's focus trap (DefaultFocus.FirstChild) leaves
    // it on an invisible placeholder of its own, where screen readers announce nothing.
    const focusable = "input:not([type='hidden']):not(:disabled), textarea:not(:disabled), select:not(:disabled), button:not(:disabled), a[href], [tabindex='0']";
    document.addEventListener("focusin", event => {
        const target = event.target;
        if (!target.closest?.(".mud-dialog-container")) {
            lastFocusOutsideDialog = target;
            return;
        }

        if (target.matches(".mud-focus-trap > .pointer-events-none[tabindex='-1']")) {
            const first = [...target.parentElement.querySelectorAll(`.mud-focus-trap-child-container :is(${focusable})`)].find(visible);
            first?.focus();
        }
    });

    function afterDomChange() {
        const open = dialogOpen();
        if (dialogWasOpen && !open) {
            const active = document.activeElement;
            const opener = lastFocusOutsideDialog;
            if ((!active || active === document.body) && opener?.isConnected) opener.focus();
        }

        dialogWasOpen = open;

        // A field's error is tied to it already (aria-describedby, aria-invalid); make it heard when it appears.
        for (const helper of document.querySelectorAll(".mud-input-helper-text > :first-child")) {
            const error = helper.parentElement.classList.contains("mud-input-error");
            if (error && helper.getAttribute("role") !== "alert") helper.setAttribute("role", "alert");
            else if (!error && helper.hasAttribute("role")) helper.removeAttribute("role");
        }

        // MudDataGrid names every sort button "Sort": name each after its column.
        for (const button of document.querySelectorAll("th .sort-direction-icon[aria-label='Sort']")) {
            const title = button.closest("th").querySelector(".sortable-column-header")?.textContent.trim();
            if (title) button.setAttribute("aria-label", `Sort by ${title}`);
        }
    }

    // At most once per frame, however many changes a render made.
    let scheduled = false;
    const schedule = () => {
        if (scheduled) return;
        scheduled = true;
        requestAnimationFrame(() => {
            scheduled = false;
            afterDomChange();
        });
    };
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ["class"] });

    window.catalogAdmin = window.catalogAdmin ?? {};
    window.catalogAdmin.keyboard = {
        /** Called by the layout once its circuit is up: the shortcut table (JSON), and where to send "help" and "palette". */
        start(layoutReference, tableJson) {
            layout = layoutReference;
            shortcuts = JSON.parse(tableJson);
        },
        stop(layoutReference) {
            if (layout === layoutReference) layout = null;
        },
        /** Whether the shortcuts work yet: the layout starts them a moment after the page first shows. */
        get started() {
            return layout !== null && shortcuts.length > 0;
        },
    };
})();
