// Small browser helpers the Blazor components call through JS interop.
window.catalogAdmin = Object.assign(window.catalogAdmin ?? {}, {
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    // The theme the user chose, else the system's (prefers-color-scheme); theme.js applies the same choice to the
    // sign-in pages, which render without a circuit.
    loadDarkMode: () => {
        const stored = localStorage.getItem("catalogAdmin.darkMode");
        return stored === null ? matchMedia("(prefers-color-scheme: dark)").matches : stored === "true";
    },
    saveDarkMode: (isDark) => localStorage.setItem("catalogAdmin.darkMode", String(isDark)),
    scrollIntoView: (id) => document.getElementById(id)?.scrollIntoView({ block: "start" }),
    // MudBlazor's "md" breakpoint, where the navigation drawer stops opening over the page and stays beside it.
    isWideScreen: () => matchMedia("(min-width: 960px)").matches,
});

// A popover opened by its button (popovertarget), as the account menu: the button's aria-expanded says whether it is
// open. The toggle event does not bubble, so it is caught on its way down.
document.addEventListener("toggle", event => {
    const popover = event.target;
    if (!(popover instanceof HTMLElement) || !popover.id || !popover.hasAttribute("popover")) return;
    for (const button of document.querySelectorAll(`[popovertarget="${popover.id}"]`)) {
        button.setAttribute("aria-expanded", event.newState === "open" ? "true" : "false");
    }
}, true);
