using CatalogAdmin.Core;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Components;
using CatalogAdmin.Web.Notifications;
using MudBlazor;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// Serve library assets (MudBlazor's CSS and JS) from a build output in every environment, not only in
// Development; a published app has no such manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.Services.AddMudServices(config =>
{
    config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
    config.SnackbarConfiguration.PreventDuplicates = false;
    config.SnackbarConfiguration.VisibleStateDuration = 5000;
});
builder.Services.AddCatalogCore(CatalogDatabase.ConnectionString(builder.Configuration, builder.Environment));
builder.Services.AddCatalogWeb(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseRequestLocalization(app.Services.GetRequiredService<CatalogCulture>().LocalizationOptions());
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.Services.InitializeCatalogDatabaseAsync(app.Configuration.GetValue("Catalog:SeedDemoData", true));
await app.RunAsync();

/// <summary>Entry point; public so tests can start the real app.</summary>
public partial class Program;
