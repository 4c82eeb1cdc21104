using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project CatalogAdmin.Benchmarks -- --filter '*'          (all, ~10 minutes)
// dotnet run -c Release --project CatalogAdmin.Benchmarks -- --filter '*Pipeline*' (one class)
// The catalogs (10k, 100k, 1M products) are generated on first use into BenchmarkDotNet.Artifacts/catalogs.
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(CatalogAdmin.Benchmarks.CatalogFixture).Assembly).Run(args, config);
