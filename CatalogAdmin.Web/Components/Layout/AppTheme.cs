using MudBlazor;

namespace CatalogAdmin.Web.Components.Layout;

/// <summary>
/// The app's colours in light and dark mode. Every text colour reaches WCAG AA (4.5:1) on the backgrounds it is
/// shown on, chips and toasts included; the end-to-end accessibility test (axe) checks every page in both modes,
/// so change a colour here and run it. The sign-in pages follow the same colours in app.css.
/// </summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5aa8",
            AppbarBackground = "#1e5aa8",
            Secondary = "#ad1457",
            Info = "#0277bd",
            Success = "#1b5e20",          // white text 7.9:1 (toasts, also where a phone stacks them); as text on white 7.9:1
            Warning = "#b45309",          // "Low stock": 5.0:1 on white, 4.6:1 on the striped rows
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.62)",
            TextDisabled = "rgba(0,0,0,0.60)",
            ActionDisabled = "rgba(0,0,0,0.60)",  // e.g. the current page in breadcrumbs: 5.7:1
            LinesInputs = "rgba(0,0,0,0.50)",
            TableStriped = "rgba(0,0,0,0.03)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#90caf9",
            PrimaryContrastText = "#0b1a2b",
            Secondary = "#f48fb1",
            SecondaryContrastText = "#2b0a17",
            Info = "#81d4fa",
            InfoContrastText = "#002330",
            Success = "#81c784",
            SuccessContrastText = "#0b1f0c",
            Warning = "#ffb74d",
            WarningContrastText = "#241400",
            Error = "#ff8a80",
            ErrorContrastText = "#2b0000",
            Background = "#1e1f24",
            BackgroundGray = "#2a2b32",
            Surface = "#26272e",
            DrawerBackground = "#1e1f24",
            DrawerText = "rgba(255,255,255,0.87)",
            DrawerIcon = "rgba(255,255,255,0.80)",
            AppbarBackground = "#17181c",
            AppbarText = "rgba(255,255,255,0.87)",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.70)",
            TextDisabled = "rgba(255,255,255,0.55)",
            ActionDefault = "rgba(255,255,255,0.80)",
            ActionDisabled = "rgba(255,255,255,0.55)",
            ActionDisabledBackground = "rgba(255,255,255,0.12)",
            LinesDefault = "rgba(255,255,255,0.16)",
            LinesInputs = "rgba(255,255,255,0.50)",
            TableLines = "rgba(255,255,255,0.12)",
            TableStriped = "rgba(255,255,255,0.03)",
            TableHover = "rgba(255,255,255,0.07)",
            Divider = "rgba(255,255,255,0.14)",
        },
    };
}
