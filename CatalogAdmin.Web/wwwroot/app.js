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
