using Bunit;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Layout;
using MudBlazor;

namespace CatalogAdmin.Tests.Components;

/// <summary>The layout's shared theme CSS against what MudThemeProvider itself renders for the app theme.</summary>
public sealed class ThemeStylesTests : MudBunitContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_layouts_theme_css_is_what_MudThemeProvider_renders_for_the_app_theme(bool darkMode)
    {
        var provider = Render<MudThemeProvider>(parameters => parameters
            .Add(p => p.Theme, AppTheme.Theme)
            .Add(p => p.IsDarkMode, darkMode)
            .Add(p => p.ObserveSystemDarkModeChange, false));

        var shared = Render<ThemeStyles>(parameters => parameters.Add(p => p.IsDarkMode, darkMode));

        Assert.Equal(provider.Markup, shared.Markup);
        Assert.Contains($"--mud-native-html-color-scheme: {(darkMode ? "dark" : "light")};", shared.Markup);
    }

    [Fact]
    public void Each_mode_has_its_own_colours_and_one_string_serves_every_circuit()
    {
        Assert.NotEqual(ThemeStylesheet.For(darkMode: false), ThemeStylesheet.For(darkMode: true));
        Assert.Contains($"--mud-palette-primary: {AppTheme.Theme.PaletteLight.Primary}", ThemeStylesheet.For(darkMode: false));
        Assert.Contains($"--mud-palette-primary: {AppTheme.Theme.PaletteDark.Primary}", ThemeStylesheet.For(darkMode: true));
        Assert.Same(ThemeStylesheet.For(darkMode: true), ThemeStylesheet.For(darkMode: true));
    }
}
