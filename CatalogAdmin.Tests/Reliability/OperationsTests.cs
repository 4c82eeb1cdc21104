using System.Diagnostics;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.EndToEnd;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CatalogAdmin.Tests.Reliability;

/// <summary>Start-up with a bad database, the health endpoint and backups, on the real app process where it matters.</summary>
public sealed class OperationsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "catalogadmin-ops", Guid.NewGuid().ToString("N"));

    public OperationsTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_file_that_is_not_a_database_stops_start_up_with_one_clear_line_and_is_left_alone()
    {
        var file = Path.Combine(_folder, "catalog.db");
        await File.WriteAllTextAsync(file, "These are someone's notes, not a database.", TestContext.Current.CancellationToken);

        var (exitCode, output) = await AppProcess.RunToExitAsync(["--urls", "http://127.0.0.1:0"], file);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"CatalogAdmin cannot start: {file} is not a SQLite database.", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
        Assert.Equal("These are someone's notes, not a database.", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_database_folder_that_cannot_be_created_stops_start_up_with_one_clear_line()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the data folder should be", TestContext.Current.CancellationToken);
        var file = Path.Combine(blocker, "App_Data", "catalog.db");

        var (exitCode, output) = await AppProcess.RunToExitAsync(["--urls", "http://127.0.0.1:0"], file);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"CatalogAdmin cannot start: the database {file} cannot be opened or created", output);
        Assert.Contains("ConnectionStrings__Catalog", output);
    }

    [Fact]
    public async Task A_read_only_database_file_stops_start_up_with_one_clear_line_and_is_left_alone()
    {
        var file = Path.Combine(_folder, "catalog.db");
        var (created, _) = await AppProcess.RunToExitAsync(["backup", Path.Combine(_folder, "first-run-copy.db")], file);
        Assert.Equal(0, created); // a first run made and seeded the database
        var before = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        File.SetAttributes(file, FileAttributes.ReadOnly); // chmod a-w

        var (exitCode, output) = await AppProcess.RunToExitAsync(["--urls", "http://127.0.0.1:0"], file);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"CatalogAdmin cannot start: {file} is read-only", output);
        Assert.Contains("ConnectionStrings__Catalog", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(before, await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_read_only_database_folder_stops_start_up_with_one_clear_line_and_gets_no_file()
    {
        var folder = Path.Combine(_folder, "App_Data");
        Directory.CreateDirectory(folder);
        new DirectoryInfo(folder).Attributes |= FileAttributes.ReadOnly; // chmod a-w
        var file = Path.Combine(folder, "catalog.db");

        var (exitCode, output) = await AppProcess.RunToExitAsync(["--urls", "http://127.0.0.1:0"], file);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"CatalogAdmin cannot start: {folder} is read-only", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task Health_says_healthy_without_sign_in_quickly_and_nothing_else()
    {
        await using var app = await AppProcess.StartAsync(Path.Combine(_folder, "catalog.db"), seedDemoData: false,
            environment: new Dictionary<string, string> { ["CatalogAdmin__Admin__Password"] = "Health-Check-Passw0rd" });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        await http.GetAsync("health", TestContext.Current.CancellationToken); // first call warms up

        var timer = Stopwatch.StartNew();
        var response = await http.GetAsync("health", TestContext.Current.CancellationToken);
        timer.Stop();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(timer.ElapsedMilliseconds < 500, $"/health took {timer.ElapsedMilliseconds} ms");

        // The load tool's endpoints are off unless configured.
        foreach (var path in new[] { "diagnostics/memory", "diagnostics/timings" })
        {
            var diagnostics = await http.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.DoesNotContain("application/json", diagnostics.Content.Headers.ContentType?.ToString() ?? "");
        }
    }

    [Fact]
    public async Task The_load_endpoints_when_configured_report_the_heap_after_a_full_collection_and_timings()
    {
        await using var app = await AppProcess.StartAsync(Path.Combine(_folder, "catalog.db"), seedDemoData: false,
            environment: new Dictionary<string, string>
            {
                ["CatalogAdmin__Admin__Email"] = "memory-admin@example.com",
                ["CatalogAdmin__Admin__Password"] = "Memory-Check-Passw0rd",
                ["Diagnostics__LoadEndpoints"] = "true",
            });
        using var http = await HttpSignIn.SignedInClientAsync(app.BaseAddress, "memory-admin@example.com", "Memory-Check-Passw0rd");

        using var report = System.Text.Json.JsonDocument.Parse(
            await http.GetStringAsync("diagnostics/memory", TestContext.Current.CancellationToken));

        Assert.InRange(report.RootElement.GetProperty("managedHeapBytes").GetInt64(), 1_000_000, 2_000_000_000);
        Assert.True(report.RootElement.GetProperty("workingSetBytes").GetInt64() > report.RootElement.GetProperty("managedHeapBytes").GetInt64());
        using var timings = System.Text.Json.JsonDocument.Parse(
            await http.GetStringAsync("diagnostics/timings", TestContext.Current.CancellationToken));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, timings.RootElement.ValueKind);
    }

    [Fact]
    public async Task A_backup_taken_during_a_write_burst_holds_every_row_committed_before_it_began()
    {
        await using var host = await CatalogTestHost.StartAsync();
        var committed = new System.Collections.Concurrent.ConcurrentQueue<Guid>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                committed.Enqueue(await host.SendAsync(new CreateProductCommand(new ProductFields($"Burst {w}-{i}", $"B{w}-{i:D5}", null, 1m, 1))));
            }
        }, TestContext.Current.CancellationToken)).ToList();
        while (committed.Count < 100)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        var before = committed.ToHashSet();
        var copy = Path.Combine(_folder, "backup.db");
        await host.Services.BackupCatalogAsync(copy, TestContext.Current.CancellationToken);
        stop.Cancel();
        await Task.WhenAll(writers);

        await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
        var inCopy = new HashSet<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM Products";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                inCopy.Add(Guid.Parse(reader.GetString(0)));
            }
        }

        Assert.Subset(inCopy, before);
    }

    [Fact]
    public async Task The_backup_command_writes_a_copy_and_refuses_to_overwrite_one()
    {
        var database = Path.Combine(_folder, "catalog.db");
        var copy = Path.Combine(_folder, "copy.db");

        var (exitCode, output) = await AppProcess.RunToExitAsync(["backup", copy], database);
        var (again, refusal) = await AppProcess.RunToExitAsync(["backup", copy], database);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Backed up the catalog to {copy}", output);
        Assert.True(new FileInfo(copy).Length > 0);
        Assert.NotEqual(0, again);
        Assert.Contains("already exists", refusal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString();
    }
}
