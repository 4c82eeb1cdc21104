using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime;
using CatalogAdmin.Core;
using CatalogAdmin.Web.Security;

namespace CatalogAdmin.Web;

/// <summary>
/// Endpoints for the circuit load tool (docs/performance.md), off unless <c>Diagnostics:LoadEndpoints</c> is
/// true, and then answered only to a signed-in Admin whose request came straight from this machine (a loopback
/// connection that no proxy forwarded: behind a proxy on this machine every request arrives from loopback):
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
            if (!ReverseProxy.IsDirectFromThisMachine(http))
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
        }).RequireAuthorization(nameof(Permission.ManageStaff));

        app.MapGet("/diagnostics/timings", (HttpContext http) =>
                ReverseProxy.IsDirectFromThisMachine(http) ? Results.Json(timings.TakeSummary()) : Results.NotFound())
            .RequireAuthorization(nameof(Permission.ManageStaff));
    }

    /// <summary>
    /// Collects the duration histograms of Core and of Blazor's components, keyed by instrument and type, bounded: at
    /// most <see cref="MaxSeries"/> series of <see cref="MaxSamplesPerSeries"/> samples each until the next summary
    /// (later samples are counted as dropped), so an endpoint left on cannot grow the server's memory.
    /// </summary>
    internal sealed class TimingRecorder : IDisposable
    {
        public const int MaxSeries = 200;
        public const int MaxSamplesPerSeries = 10_000;

        private readonly MeterListener _listener = new();
        private ConcurrentDictionary<string, Series> _samples = new();

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

                Record($"{instrument.Name} {type}".TrimEnd(), seconds * 1000);
            });
            _listener.Start();
        }

        public void Record(string name, double milliseconds)
        {
            var samples = _samples;
            if (!samples.TryGetValue(name, out var series))
            {
                if (samples.Count >= MaxSeries)
                {
                    return;
                }

                series = samples.GetOrAdd(name, _ => new Series());
            }

            series.Add(milliseconds);
        }

        /// <summary>Count, p50, p95 and max in milliseconds per instrument and type; starts a new period.</summary>
        public IEnumerable<TimingSummary> TakeSummary()
        {
            var taken = Interlocked.Exchange(ref _samples, new());
            return taken.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry =>
            {
                var (values, dropped) = entry.Value.Take();
                var sorted = values.Order().ToArray();
                return new TimingSummary(entry.Key, sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), sorted.Length > 0 ? sorted[^1] : 0, dropped);
            }).ToList();
        }

        /// <summary>The samples held now, in all series: never more than MaxSeries × MaxSamplesPerSeries.</summary>
        public int HeldSamples => _samples.Values.Sum(s => s.Count);

        public void Dispose() => _listener.Dispose();

        // "MudBlazor.MudInput`1[[System.String, ...]]" → "MudBlazor.MudInput`1": enough to tell components apart.
        private static string ShortTypeName(string? type) => type?.Split("[[", 2)[0] ?? "";

        private static double Percentile(double[] sorted, int percentile) => sorted.Length == 0 ? 0 :
            Math.Round(sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)], 2);

        private sealed class Series
        {
            private readonly List<double> _values = [];
            private long _dropped;

            public int Count
            {
                get
                {
                    lock (_values) return _values.Count;
                }
            }

            public void Add(double value)
            {
                lock (_values)
                {
                    if (_values.Count < MaxSamplesPerSeries) _values.Add(value);
                    else _dropped++;
                }
            }

            public (double[] Values, long Dropped) Take()
            {
                lock (_values) return (_values.ToArray(), _dropped);
            }
        }
    }

    internal sealed record TimingSummary(string Name, int Count, double P50Ms, double P95Ms, double MaxMs, long Dropped);
}
