using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CatalogAdmin.Web.Components.Shared;

/// <summary>
/// Converts UTC times to the browser's time zone. The server renders the page, so its own zone says nothing about
/// the user's; the browser's IANA zone is asked once per circuit (by <see cref="BrowserTimeZoneProbe"/>). Components
/// receive the clock as a cascading parameter, and re-render by themselves once the zone is known.
/// </summary>
public sealed class BrowserClock
{
    private readonly CatalogCulture _culture;
    private TimeZoneInfo? _zone;

    public BrowserClock(CatalogCulture culture)
    {
        _culture = culture;
        Source = new CascadingValueSource<BrowserClock>(this, isFixed: false);
    }

    /// <summary>What cascades the clock to every component of the circuit (registered with AddCascadingValue).</summary>
    public CascadingValueSource<BrowserClock> Source { get; }

    /// <summary>The zone in use: the browser's once known, UTC until then.</summary>
    public TimeZoneInfo Zone => _zone ?? TimeZoneInfo.Utc;

    public bool IsKnown => _zone is not null;

    /// <summary>Asks the browser for its zone (once) and, when it is new, re-renders every component that shows a time.</summary>
    public async Task LearnZoneAsync(IJSRuntime js, ILogger logger)
    {
        if (_zone is not null)
        {
            return;
        }

        try
        {
            var id = await js.InvokeAsync<string?>("catalogAdmin.timeZone");
            if (!string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                _zone = zone;
                await Source.NotifyChangedAsync();
            }
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogDebug(exception, "Could not read the browser's time zone; showing UTC");
        }
    }

    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>Date and short time in the catalog's culture, marked "UTC" while the browser's zone is unknown.</summary>
    public string Format(DateTimeOffset time)
    {
        var text = ToLocal(time).ToString("g", _culture.Culture);
        return IsKnown ? text : text + " UTC";
    }
}
