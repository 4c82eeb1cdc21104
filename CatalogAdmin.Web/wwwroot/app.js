// Small browser helpers the Blazor components call through JS interop.
window.catalogAdmin = {
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    loadDarkMode: () => {
        const stored = localStorage.getItem("catalogAdmin.darkMode");
        return stored === null ? null : stored === "true";
    },
    saveDarkMode: (isDark) => localStorage.setItem("catalogAdmin.darkMode", String(isDark)),
};
