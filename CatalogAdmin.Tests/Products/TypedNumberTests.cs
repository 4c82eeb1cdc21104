using System.Globalization;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Components.Pages.Products;

namespace CatalogAdmin.Tests.Products;

public sealed class TypedNumberTests
{
    private static readonly CultureInfo English = new CatalogCulture("en-US", "USD").Culture;
    private static readonly CultureInfo German = new CatalogCulture("de-DE", "EUR").Culture;

    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("12.5", "12.5")]
    [InlineData("12", "12")]
    [InlineData(" $12 ", "12")]
    [InlineData("$ 1,234.50", "1234.50")]
    [InlineData("1,234", "1234")]
    [InlineData("1,234,567.00", "1234567.00")]
    [InlineData(".99", "0.99")]
    [InlineData("-3", "-3")]
    public void En_us_reads_points_as_decimals_and_commas_only_as_thousands(string typed, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Price(typed, English));

    [Theory]
    [InlineData("12,50", "12.50")]
    [InlineData("12,5", "12.5")]
    [InlineData("12 €", "12")]
    [InlineData("€12", "12")]
    [InlineData("1.234,50", "1234.50")]
    [InlineData("1.234", "1234")]
    public void De_de_reads_commas_as_decimals_and_points_only_as_thousands(string typed, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Price(typed, German));

    [Theory]
    [InlineData("12,5")]
    [InlineData("12,50")]
    [InlineData("1,23")]
    [InlineData("1,2345")]
    [InlineData("1234,567.00")]
    [InlineData("1,234,5")]
    [InlineData("12.5,0")]
    [InlineData("1,,234")]
    public void En_us_refuses_a_comma_that_is_not_a_thousands_separator_and_says_how_to_write_cents(string typed)
    {
        Assert.False(TypedNumber.TryParsePrice(typed, English, out _, out var error));
        Assert.Equal("In a price “,” only separates thousands, as in 1,234.50. For cents use “.”, as in 12.50.", error);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("12.50")]
    [InlineData("1.23")]
    [InlineData("1,234.50")]
    public void De_de_refuses_a_point_that_is_not_a_thousands_separator(string typed)
    {
        Assert.False(TypedNumber.TryParsePrice(typed, German, out _, out var error));
        Assert.Equal("In a price “.” only separates thousands, as in 1.234,50. For cents use “,”, as in 12,50.", error);
    }

    [Theory]
    [InlineData("abc", "Price must be a number, for example 19.99.")]
    [InlineData("12 50", "Price must be a number, for example 19.99.")]
    [InlineData("12$50", "Price must be a number, for example 19.99.")]
    [InlineData("€12", "Price must be a number, for example 19.99.")] // not the field's currency
    [InlineData("  ", "Price is required.")]
    public void Other_text_is_refused_with_a_message(string typed, string message)
    {
        Assert.False(TypedNumber.TryParsePrice(typed, English, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("1,234", 1234)]
    public void Stock_takes_thousands_separators_only_between_groups_of_three(string typed, int expected)
    {
        Assert.True(TypedNumber.TryParseStock(typed, English, out var stock, out _));
        Assert.Equal(expected, stock);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.5")]
    [InlineData("x")]
    public void Stock_refuses_anything_but_a_whole_number(string typed)
    {
        Assert.False(TypedNumber.TryParseStock(typed, English, out _, out var error));
        Assert.Equal("Stock must be a whole number, for example 12 or 1,234.", error);
    }

    [Theory]
    [InlineData("en-US", "USD", "12.5", "Will be saved as $12.50")]
    [InlineData("en-US", "USD", "$1,234", "Will be saved as $1,234.00")]
    [InlineData("en-US", "USD", "12,5", "")]
    [InlineData("en-US", "USD", "", "For example 19.99")]
    [InlineData("de-DE", "EUR", "12,5", "Will be saved as 12,50 €")]
    public void The_preview_says_what_will_be_saved(string culture, string currency, string typed, string preview) =>
        Assert.Equal(preview, ProductFormModel.PricePreview(typed, new CatalogCulture(culture, currency).Culture));

    private static decimal Price(string typed, CultureInfo culture)
    {
        Assert.True(TypedNumber.TryParsePrice(typed, culture, out var price, out var error), error);
        return price;
    }
}
