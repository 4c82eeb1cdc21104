using Bunit;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;
using CatalogAdmin.Web.Components.Shared;
using static CatalogAdmin.Tests.Components.TestProducts;

namespace CatalogAdmin.Tests.Components;

/// <summary>Times show in UTC, marked so, until the browser tells its zone; then every page showing one re-renders in it.</summary>
public sealed class BrowserClockTests : MudBunitContext
{
    [Fact]
    public void A_page_shows_its_times_in_the_browsers_zone_once_the_probe_learns_it()
    {
        Sender.Answer<GetProductQuery, ProductDto?>(_ => Laptop); // created 2026-11-01 09:00 UTC
        var zone = JSInterop.Setup<string?>("catalogAdmin.timeZone");
        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Laptop.Id.ToString()));
        page.WaitForAssertion(() => Assert.Matches(@"11/1/2026 9:00\sAM UTC", page.Markup)); // ICU puts a narrow space before AM

        Render<BrowserTimeZoneProbe>();
        zone.SetResult("Asia/Tokyo"); // UTC+9, no daylight saving

        page.WaitForAssertion(() => Assert.Matches(@"11/1/2026 6:00\sPM", page.Markup));
        Assert.DoesNotContain(" UTC", page.Markup);
    }
}
