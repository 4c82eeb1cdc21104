// Marks the page dark or light before it paints, for the sign-in pages, which render without a circuit:
// the theme the user chose in the app (localStorage "catalogAdmin.darkMode"), else the system's.
(() => {
    let stored = null;
    try {
        stored = localStorage.getItem("catalogAdmin.darkMode");
    } catch {
        // storage unavailable (private mode): follow the system
    }

    const dark = stored === null ? matchMedia("(prefers-color-scheme: dark)").matches : stored === "true";
    document.documentElement.dataset.theme = dark ? "dark" : "light";
})();
