using System.Diagnostics.Metrics;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Tests.Reliability;

/// <summary>Every request leaves one structured log line and one duration measurement; no request values.</summary>
public sealed class RequestLogTests : HandlerTest
{
    private static readonly AsyncLocal<bool> InThisTest = new();

    [Fact]
    public async Task A_change_is_logged_with_its_type_subject_elapsed_time_and_user()
    {
        var id = await CreateAsync(sku: "LOG-1", name: "Secret-looking name");
        await Host.SendAsync(new DeleteProductCommand(id));

        var create = Assert.Single(RequestLines(), e => Equals(e.Properties["RequestType"], nameof(CreateProductCommand)));
        Assert.Equal(LogLevel.Information, create.Level);
        Assert.IsType<double>(create.Properties["ElapsedMs"]);
        Assert.Equal("admin@example.com", create.Properties["User"]);
        Assert.DoesNotContain("Secret-looking name", create.Message);

        var delete = Assert.Single(RequestLines(), e => Equals(e.Properties["RequestType"], nameof(DeleteProductCommand)));
        Assert.Equal(LogLevel.Information, delete.Level);
        Assert.Equal($"Product {id}", delete.Properties["Subject"]);
    }

    [Fact]
    public async Task A_read_is_logged_only_at_debug_level()
    {
        await Host.SendAsync(new ListProductsQuery());

        var line = Assert.Single(RequestLines(), e => Equals(e.Properties["RequestType"], nameof(ListProductsQuery)));
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.Equal("-", line.Properties["Subject"]);
    }

    [Fact]
    public async Task A_refused_change_is_logged_with_the_reason_and_the_product()
    {
        var id = await CreateAsync(sku: "LOG-2");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Lamp", "LOG-2", null, 1m, 1), 99)));
        await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(ValidCreate(sku: "x")));

        var refused = RequestLines().Where(e => e.Message.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.Collection(refused,
            conflict =>
            {
                Assert.Equal(nameof(UpdateProductCommand), conflict.Properties["RequestType"]);
                Assert.Equal($"Product {id}", conflict.Properties["Subject"]);
                Assert.Equal(nameof(ConcurrencyConflictException), conflict.Properties["Reason"]);
            },
            invalid => Assert.Equal(nameof(RequestValidationException), invalid.Properties["Reason"]));
        Assert.All(refused, e => Assert.Equal(LogLevel.Information, e.Level));
    }

    [Fact]
    public async Task Each_request_records_its_duration_with_type_and_outcome()
    {
        var measured = new List<(double Seconds, string Type, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: CatalogMetrics.MeterName, Name: CatalogMetrics.RequestDuration }) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            // Other tests run in parallel: keep only what this test's own requests recorded.
            if (!InThisTest.Value) return;
            var values = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            lock (measured) measured.Add((seconds, values["catalogadmin.request.type"], values["catalogadmin.request.outcome"]));
        });
        listener.Start();
        InThisTest.Value = true;

        await CreateAsync(sku: "LOG-3");
        await Host.SendAsync(new ListProductsQuery());
        await Assert.ThrowsAsync<NotFoundException>(() => Host.SendAsync(new UpdateProductCommand(Guid.NewGuid(), new ProductFields("Lamp", "LOG-4", null, 1m, 1), 1)));

        Assert.Equal(
            [(nameof(CreateProductCommand), "handled"), (nameof(ListProductsQuery), "handled"), (nameof(UpdateProductCommand), "refused")],
            measured.Select(m => (m.Type, m.Outcome)));
        Assert.All(measured, m => Assert.InRange(m.Seconds, 0, 30));
    }

    private List<CapturedLogs.LogEntry> RequestLines() =>
        Host.Logs.Entries.Where(e => e.Category.Contains("LoggingBehaviour", StringComparison.Ordinal)).ToList();
}
