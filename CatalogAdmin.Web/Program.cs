using CatalogAdmin.Core;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Components;
using CatalogAdmin.Web.Identity;
using MudBlazor;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// Serve library assets (MudBlazor's CSS and JS) from a build output in every environment, not only in
// Development; a published app has no such manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

var connectionString = CatalogDatabase.ConnectionString(builder.Configuration, builder.Environment);
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.Services.AddMudServices(config =>
{
    config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
    config.SnackbarConfiguration.PreventDuplicates = false;
    config.SnackbarConfiguration.VisibleStateDuration = 5000;
});
builder.Services.AddCatalogCore(connectionString);
builder.Services.AddStaffIdentity(connectionString);
builder.Services.AddCatalogWeb(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseRequestLocalization(app.Services.GetRequiredService<CatalogCulture>().LocalizationOptions());
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapAccountEndpoints();

await app.Services.InitializeCatalogDatabaseAsync(app.Configuration.GetValue("Catalog:SeedDemoData", true));
await app.Services.InitializeStaffAsync(app.Configuration);
await app.RunAsync();

/// <summary>Entry point; public so tests can start the real app.</summary>
public partial class Program;
