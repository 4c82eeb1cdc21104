using Microsoft.JSInterop;

namespace CatalogAdmin.Web.Components.Shared;

/// <summary>
/// Converts UTC times to the browser's time zone. The server renders the page, so its own zone
/// says nothing about the user's; the browser's IANA zone is asked once per circuit.
/// </summary>
public sealed class BrowserClock(IJSRuntime js, CatalogCulture culture, ILogger<BrowserClock> logger)
{
    private TimeZoneInfo? _zone;

    /// <summary>The zone in use: the browser's once known, UTC until then.</summary>
    public TimeZoneInfo Zone => _zone ?? TimeZoneInfo.Utc;

    public bool IsKnown => _zone is not null;

    /// <summary>Call from OnAfterRenderAsync(firstRender); true when the zone changed and the page should re-render.</summary>
    public async Task<bool> EnsureZoneAsync()
    {
        if (_zone is not null)
        {
            return false;
        }

        try
        {
            var id = await js.InvokeAsync<string?>("catalogAdmin.timeZone");
            if (!string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                _zone = zone;
                return true;
            }
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogDebug(exception, "Could not read the browser's time zone; showing UTC");
        }

        return false;
    }

    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>Date and short time in the catalog's culture, marked "UTC" while the browser's zone is unknown.</summary>
    public string Format(DateTimeOffset time)
    {
        var text = ToLocal(time).ToString("g", culture.Culture);
        return IsKnown ? text : text + " UTC";
    }
}
