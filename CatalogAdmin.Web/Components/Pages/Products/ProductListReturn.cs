using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace CatalogAdmin.Web.Components.Pages.Products;

/// <summary>
/// The address of the products list this circuit showed last, with its search, filters, sort and page, so the details
/// page's "Products" breadcrumb and a new product's Cancel go back to the list the user came from, as Back does.
/// One per circuit; it follows the address from the list's first visit (the list injects it).
/// </summary>
public sealed class ProductListReturn : IDisposable
{
    private readonly NavigationManager _navigation;

    public ProductListReturn(NavigationManager navigation)
    {
        _navigation = navigation;
        _navigation.LocationChanged += OnLocationChanged;
        Remember(_navigation.Uri);
    }

    /// <summary>The list's address relative to the app's base ("products?q=mug&amp;page=2"); "products" until a list was seen.</summary>
    public string Uri { get; private set; } = "products";

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => Remember(e.Location);

    private void Remember(string location)
    {
        string relative;
        try
        {
            relative = _navigation.ToBaseRelativePath(location);
        }
        catch (ArgumentException)
        {
            return; // outside the app
        }

        var path = relative.Split('?', '#')[0].TrimEnd('/');
        if (path.Length == 0 || path.Equals("products", StringComparison.OrdinalIgnoreCase))
        {
            var query = relative.Split('#')[0];
            var queryStart = query.IndexOf('?');
            Uri = queryStart < 0 ? "products" : "products" + query[queryStart..];
        }
    }

    public void Dispose() => _navigation.LocationChanged -= OnLocationChanged;
}
