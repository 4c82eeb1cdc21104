using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CatalogAdmin.Benchmarks.Circuits;

// dotnet run -c Release --project CatalogAdmin.Benchmarks -- --filter '*'          (all benchmarks, ~4 minutes)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- --filter '*Pipeline*' (one class)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- --filter '*History*'  (history writes at 1M products, a 10,000-entry history)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- circuits 30 catalog.db (circuit load test)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- circuits 30 catalog.db activity (idle memory on another page)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- circuits 100 catalog.db products 8 (100 circuits, at most 8 acting at once)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- circuits-memory 10 [catalog.db] [/activity] (heap profile of idle circuits)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- csv 1000000 [100000] (CSV export, import preview and apply, timed once)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- bulk [1000000] [quick-edit] (bulk actions, their undo and quick-edit saves on a copy, timed; or the saves only)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- plans [1000000] (EXPLAIN QUERY PLAN of every filtered list's statements)
// The catalogs (10k, 100k, 1M products) are generated on first use into BenchmarkDotNet.Artifacts/catalogs.
if (args is ["circuits", var count, var database, .. var rest])
{
    // e.g. `circuits 100 catalog.db products 8`: 100 circuits on the list, at most 8 of them acting at once.
    return await CircuitLoad.RunAsync(
        int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), database, rest is [var path, ..] ? path : "products",
        rest is [_, var inFlight] ? int.Parse(inFlight, System.Globalization.CultureInfo.InvariantCulture) : null);
}

if (args is ["csv", var csvProducts, .. var csvRest])
{
    return await CatalogAdmin.Benchmarks.CsvRun.RunAsync(
        int.Parse(csvProducts, System.Globalization.CultureInfo.InvariantCulture),
        csvRest is [var rows] ? int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

if (args is ["bulk", .. var bulkArgs])
{
    return await CatalogAdmin.Benchmarks.BulkRun.RunAsync(
        bulkArgs is [var bulkProducts, ..] ? int.Parse(bulkProducts, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000,
        quickEditOnly: bulkArgs is [_, "quick-edit"]);
}

if (args is ["plans", .. var planArgs])
{
    return await CatalogAdmin.Benchmarks.QueryPlans.RunAsync(
        planArgs is [var planProducts] ? int.Parse(planProducts, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

if (args is ["circuits-memory", var memoryCircuits, .. var memoryRest])
{
    // One argument after the count is the catalog if such a file exists, else the page.
    var (catalogFile, page) = memoryRest switch
    {
        [var file, var path] => (file, path),
        [var one] when File.Exists(one) => (one, "/products"),
        [var path] => (null, path),
        _ => ((string?)null, "/products"),
    };
    return await CircuitMemory.RunAsync(int.Parse(memoryCircuits, System.Globalization.CultureInfo.InvariantCulture), catalogFile, page);
}

var config = ManualConfig.Create(DefaultConfig.Instance)
    // A catalog is generated in the first benchmark's setup on first use: allow the run that long.
    .AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(15), logOutput: true)))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(CatalogAdmin.Benchmarks.CatalogFixture).Assembly).Run(args, config);
return 0;
