using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CatalogAdmin.Core;

/// <summary>
/// The app's own measurements, on the meter "CatalogAdmin", for any metrics collector (dotnet-counters,
/// OpenTelemetry) and for the circuit load tool's server-side timings. Recording costs next to nothing while
/// nobody listens.
/// </summary>
public static class CatalogMetrics
{
    public const string MeterName = "CatalogAdmin";

    /// <summary>Time spent in Core per request, in seconds, tagged with the request type and how it ended.</summary>
    public const string RequestDuration = "catalogadmin.request.duration";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Requests = Meter.CreateHistogram<double>(
        RequestDuration, unit: "s", description: "Time spent in Core per request, pipeline included.");

    internal static void RecordRequest(string requestType, string outcome, TimeSpan elapsed)
    {
        if (Requests.Enabled)
        {
            Requests.Record(elapsed.TotalSeconds, new TagList { { "catalogadmin.request.type", requestType }, { "catalogadmin.request.outcome", outcome } });
        }
    }
}
