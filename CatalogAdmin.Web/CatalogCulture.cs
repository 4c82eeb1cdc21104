using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CatalogAdmin.Web;

/// <summary>
/// The culture the app formats numbers, prices and dates with, from configuration
/// (Catalog:Culture, default en-US; Catalog:Currency, an ISO code, default USD).
/// The server's own culture may be invariant, which would render prices as "¤".
/// </summary>
public sealed class CatalogCulture
{
    public CatalogCulture(string cultureName, string currencyCode)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(cultureName).Clone();
        culture.NumberFormat.CurrencySymbol = CurrencySymbol(currencyCode, culture);
        Culture = CultureInfo.ReadOnly(culture);
        CurrencyCode = currencyCode.ToUpperInvariant();
    }

    public CultureInfo Culture { get; }

    public string CurrencyCode { get; }

    public static CatalogCulture FromConfiguration(IConfiguration configuration)
    {
        var catalog = configuration.GetSection("Catalog");
        var culture = new CatalogCulture(catalog["Culture"] ?? "en-US", catalog["Currency"] ?? "USD");

        // Circuits run on pool threads; this makes every one of them format with the catalog's culture.
        CultureInfo.DefaultThreadCurrentCulture = culture.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture.Culture;
        return culture;
    }

    public RequestLocalizationOptions LocalizationOptions() => new()
    {
        DefaultRequestCulture = new RequestCulture(Culture, Culture),
        SupportedCultures = [Culture],
        SupportedUICultures = [Culture],
        RequestCultureProviders = [],
    };

    public string FormatPrice(decimal price) => price.ToString("C", Culture);

    private static string CurrencySymbol(string currencyCode, CultureInfo culture)
    {
        // The culture's own currency keeps its usual symbol; another currency gets that currency's symbol.
        if (!culture.IsNeutralCulture && new RegionInfo(culture.Name).ISOCurrencySymbol.Equals(currencyCode, StringComparison.OrdinalIgnoreCase))
        {
            return culture.NumberFormat.CurrencySymbol;
        }

        return CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => new RegionInfo(c.Name))
            .FirstOrDefault(r => r.ISOCurrencySymbol.Equals(currencyCode, StringComparison.OrdinalIgnoreCase))
            ?.CurrencySymbol ?? currencyCode.ToUpperInvariant();
    }
}
