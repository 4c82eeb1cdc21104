using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace CatalogAdmin.Web.Components.Layout;

/// <summary>
/// The app theme's CSS variables, as <c>&lt;MudThemeProvider Theme="AppTheme.Theme" IsDarkMode="…" /&gt;</c> writes
/// them, from one string per mode that every circuit shares. A MudThemeProvider builds its ~12,000 characters in each
/// circuit and keeps them (24 KB), with its colours and a watcher of the system's dark mode (the app keeps its own
/// mode, so that watcher changed nothing but the colours under the toggle's icon).
/// </summary>
public sealed class ThemeStyles : ComponentBase
{
    [Parameter] public bool IsDarkMode { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) =>
        builder.AddMarkupContent(0, ThemeStylesheet.For(IsDarkMode));
}

/// <summary>
/// MudThemeProvider's own output for <see cref="AppTheme.Theme"/>, rendered once per process and mode with ASP.NET
/// Core's <see cref="HtmlRenderer"/>: MudBlazor writes the CSS, this only keeps it.
/// </summary>
public static class ThemeStylesheet
{
    private static readonly Lazy<(string Light, string Dark)> Rendered =
        new(() => Task.Run(() => RenderAsync(AppTheme.Theme)).GetAwaiter().GetResult());

    public static string For(bool darkMode) => darkMode ? Rendered.Value.Dark : Rendered.Value.Light;

    /// <summary>What a MudThemeProvider of <paramref name="theme"/> renders, in light and in dark mode.</summary>
    public static async Task<(string Light, string Dark)> RenderAsync(MudTheme theme)
    {
        // MudThemeProvider injects a logger and the JS runtime; it calls no script when it is not watching the system.
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IJSRuntime, NoScripts>()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());

        Task<string> Render(bool darkMode) => renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = theme,
                [nameof(MudThemeProvider.IsDarkMode)] = darkMode,
                [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
            }));
            return output.ToHtmlString();
        });

        return (await Render(darkMode: false), await Render(darkMode: true));
    }

    /// <summary>Answers every call with nothing: there is no browser while the stylesheet is rendered.</summary>
    private sealed class NoScripts : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}
