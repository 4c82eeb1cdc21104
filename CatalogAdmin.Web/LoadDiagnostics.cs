using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Runtime;
using CatalogAdmin.Core;

namespace CatalogAdmin.Web;

/// <summary>
/// Endpoints for the circuit load tool (docs/performance.md), off unless <c>Diagnostics:LoadEndpoints</c> is
/// true, and then answered only to requests from this machine:
/// GET /diagnostics/memory — the managed heap after a full, compacting collection, to measure what idle circuits retain;
/// GET /diagnostics/timings — server-side durations (Core requests, Blazor event handlers) since the last call, to
/// tell the server's share of an action's latency from the browsers'.
/// </summary>
internal static class LoadDiagnostics
{
    public static void MapLoadDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Diagnostics:LoadEndpoints", false))
        {
            return;
        }

        var timings = new TimingRecorder();
        app.Lifetime.ApplicationStopping.Register(timings.Dispose);

        app.MapGet("/diagnostics/memory", (HttpContext http) =>
        {
            if (!FromThisMachine(http))
            {
                return Results.NotFound();
            }

            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Json(new
            {
                ManagedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
                WorkingSetBytes = Environment.WorkingSet,
            });
        }).AllowAnonymous();

        app.MapGet("/diagnostics/timings", (HttpContext http) => FromThisMachine(http) ? Results.Json(timings.TakeSummary()) : Results.NotFound())
            .AllowAnonymous();
    }

    private static bool FromThisMachine(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    /// <summary>Collects the duration histograms of Core and of Blazor's components, keyed by instrument and type.</summary>
    private sealed class TimingRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private ConcurrentDictionary<string, ConcurrentBag<double>> _samples = new();

        public TimingRecorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument is Histogram<double> && (instrument.Meter.Name == CatalogMetrics.MeterName
                    || instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((instrument, seconds, tags, _) =>
            {
                var type = "";
                foreach (var tag in tags)
                {
                    if (tag.Key is "catalogadmin.request.type" or "aspnetcore.components.type") type = ShortTypeName(tag.Value as string);
                }

                _samples.GetOrAdd($"{instrument.Name} {type}".TrimEnd(), _ => []).Add(seconds * 1000);
            });
            _listener.Start();
        }

        /// <summary>Count, p50, p95 and max in milliseconds per instrument and type; starts a new period.</summary>
        public IEnumerable<TimingSummary> TakeSummary()
        {
            var taken = Interlocked.Exchange(ref _samples, new());
            return taken.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry =>
            {
                var sorted = entry.Value.Order().ToArray();
                return new TimingSummary(entry.Key, sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), sorted[^1]);
            }).ToList();
        }

        public void Dispose() => _listener.Dispose();

        // "MudBlazor.MudInput`1[[System.String, ...]]" → "MudBlazor.MudInput`1": enough to tell components apart.
        private static string ShortTypeName(string? type) => type?.Split("[[", 2)[0] ?? "";

        private static double Percentile(double[] sorted, int percentile) =>
            Math.Round(sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
    }

    private sealed record TimingSummary(string Name, int Count, double P50Ms, double P95Ms, double MaxMs);
}
