using CatalogAdmin.Core;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Cli;
using CatalogAdmin.Web.Csv;
using CatalogAdmin.Web.Security;
using CatalogAdmin.Web.Components;
using CatalogAdmin.Web.Identity;
using MudBlazor;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// Serve library assets (MudBlazor's CSS and JS) from a build output in every environment, not only in
// Development; a published app has no such manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

var database = CatalogDatabase.Settings(builder.Configuration, builder.Environment);
var connectionString = database.ConnectionString;
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents(circuits =>
    {
        // Limits per circuit, so one browser cannot hold the server's memory (see README, Reliability).
        circuits.DisconnectedCircuitMaxRetained = 100;
        circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
        circuits.MaxBufferedUnacknowledgedRenderBatches = 10;
        circuits.JSInteropDefaultCallTimeout = TimeSpan.FromMinutes(1);
    })
    .AddHubOptions(hub =>
    {
        // Larger messages are refused; the biggest legitimate one is a 4,000-character description.
        hub.MaximumReceiveMessageSize = 32 * 1024;
        hub.MaximumParallelInvocationsPerClient = 1;
    });
builder.Services.AddMudServices(config =>
{
    config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
    config.SnackbarConfiguration.PreventDuplicates = false;
    config.SnackbarConfiguration.VisibleStateDuration = 5000;
});
builder.Services.AddCatalogCore(database);
builder.Services.AddStaffIdentity(database, builder.Configuration);
builder.Services.AddSignInRateLimits(builder.Configuration);
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddCatalogWeb(builder.Configuration, database);
builder.Services.AddHealthChecks().AddDbContextCheck<CatalogAdmin.Core.Persistence.CatalogDbContext>("catalog-database");

var app = builder.Build();

// First: the client's address and scheme, from trusted proxies only (README, Running behind a reverse proxy).
app.UseReverseProxySupport(app.Configuration);
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseRequestLocalization(app.Services.GetRequiredService<CatalogCulture>().LocalizationOptions());
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.Use((context, next) =>
{
    // Only page loads get the not-found page: re-executing a refused POST (a form without a valid antiforgery token)
    // as a POST to that page would meet the same refusal again and end in an error instead of the plain 400.
    if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
    {
        statusCodePages.Enabled = false;
    }

    return next(context);
});
app.UseSignInRateLimits();
app.UseAuthentication();
app.UseAccessGate();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapCsvEndpoints();
// Reports only "Healthy" or "Unhealthy" (database reachable or not), to anyone, quickly.
app.MapHealthChecks("/health").AllowAnonymous().DisableHttpMetrics();
app.MapLoadDiagnostics();

try
{
    await app.Services.InitializeCatalogDatabaseAsync(app.Configuration.GetValue("Catalog:SeedDemoData", true));
    await app.Services.InitializeStaffAsync(app.Configuration);
}
catch (Exception exception) when (StartupFailure.Describe(exception, database) is { } message)
{
    Console.Error.WriteLine(message);
    return 1;
}

if (args is ["backup", ..])
{
    return await BackupTask.RunAsync(app.Services, args);
}

if (args is ["import", ..])
{
    return await ImportTask.RunAsync(database, args, Console.Out, Console.Error);
}

if (args is ["export", ..])
{
    return await ExportTask.RunAsync(database, args, Console.Out, Console.Error);
}

if (args is ["seed-demo", ..])
{
    return await SeedDemoTask.RunAsync(database, args);
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can start the real app.</summary>
public partial class Program;
