using CatalogAdmin.Core;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.Services.AddCatalogCore(CatalogDatabase.ConnectionString(builder.Configuration, builder.Environment));

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.Services.InitializeCatalogDatabaseAsync(app.Configuration.GetValue("Catalog:SeedDemoData", true));
await app.RunAsync();

/// <summary>Entry point; public so tests can start the real app.</summary>
public partial class Program;
