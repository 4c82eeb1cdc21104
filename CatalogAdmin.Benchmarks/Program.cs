using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CatalogAdmin.Benchmarks.Circuits;

// dotnet run -c Release --project CatalogAdmin.Benchmarks -- --filter '*'          (all benchmarks, ~4 minutes)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- --filter '*Pipeline*' (one class)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- circuits 30 catalog.db (circuit load test)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- circuits 30 catalog.db activity (idle memory on another page)
// The catalogs (10k, 100k, 1M products) are generated on first use into BenchmarkDotNet.Artifacts/catalogs.
if (args is ["circuits", var count, var database, .. var rest])
{
    return await CircuitLoad.RunAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), database, rest is [var path] ? path : "products");
}

var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(CatalogAdmin.Benchmarks.CatalogFixture).Assembly).Run(args, config);
return 0;
