using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Products;

public class CreateProductTests : HandlerTest
{
    [Fact]
    public async Task Create_stores_normalised_values_and_returns_the_new_id()
    {
        var id = await Host.SendAsync(new CreateProductCommand(new ProductFields("  Desk lamp  ", " abc-123 ", "  Warm light.  ", 19.99m, 5)));

        var product = await Host.SendAsync(new GetProductQuery(id));
        Assert.NotNull(product);
        Assert.Equal(("Desk lamp", "ABC-123", "Warm light.", 19.99m, 5), (product.Fields.Name, product.Fields.Sku, product.Fields.Description, product.Fields.Price, product.Fields.Stock));
        Assert.Equal(Host.Clock.GetUtcNow(), product.CreatedAt);
        Assert.Equal(product.CreatedAt, product.UpdatedAt);
        Assert.Equal(1, product.Version);
    }

    [Fact]
    public async Task An_empty_description_is_stored_as_none()
    {
        var id = await Host.SendAsync(new CreateProductCommand(new ProductFields("Lamp", "LAMP-1", "   ", 1m, 0)));

        Assert.Null((await Host.SendAsync(new GetProductQuery(id)))!.Fields.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task An_empty_or_blank_name_is_refused(string name) =>
        await AssertRefusedAsync(new CreateProductCommand(ValidFields() with { Name = name }), "Name", "Name is required.");

    [Fact]
    public async Task A_name_of_200_characters_is_accepted_and_201_refused()
    {
        await CreateAsync(sku: "LEN-200", name: new string('n', 200));
        await CreateAsync(sku: "LEN-200-PADDED", name: "  " + new string('p', 200) + "  "); // trimmed first

        await AssertRefusedAsync(new CreateProductCommand(ValidFields(sku: "LEN-201") with { Name = new string('n', 201) }), "Name", "Name must be at most 200 characters (it has 201).");
    }

    [Fact]
    public async Task A_name_with_control_characters_is_refused() =>
        await AssertRefusedAsync(new CreateProductCommand(ValidFields() with { Name = "Lamp\0" }), "Name", "Name cannot contain control characters.");

    [Theory]
    [InlineData("abc", "ABC")]
    [InlineData("a-1", "A-1")]
    [InlineData("Dell-XPS-15", "DELL-XPS-15")]
    [InlineData("12345678901234567890123456789012", "12345678901234567890123456789012")]
    public async Task A_valid_sku_is_stored_upper_case(string sku, string stored)
    {
        var id = await CreateAsync(sku: sku);

        Assert.Equal(stored, (await Host.SendAsync(new GetProductQuery(id)))!.Fields.Sku);
    }

    [Theory]
    [InlineData("", "SKU is required.")]
    [InlineData("AB", "SKU must be 3 to 32 characters long.")]
    [InlineData("123456789012345678901234567890123", "SKU must be 3 to 32 characters long.")]
    [InlineData("AB C", "SKU may contain only letters A–Z, digits 0–9 and '-'.")]
    [InlineData("AB_C", "SKU may contain only letters A–Z, digits 0–9 and '-'.")]
    [InlineData("ÄBC", "SKU may contain only letters A–Z, digits 0–9 and '-'.")]
    [InlineData("AB%", "SKU may contain only letters A–Z, digits 0–9 and '-'.")]
    public async Task An_invalid_sku_is_refused(string sku, string message) =>
        await AssertRefusedAsync(ValidCreate(sku: sku), "Sku", message);

    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("9.99")]
    [InlineData("1000000")]
    [InlineData("1000000.00")]
    public async Task Prices_from_0_to_1000000_with_cents_are_accepted(string price)
    {
        var id = await CreateAsync(price: decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), (await Host.SendAsync(new GetProductQuery(id)))!.Fields.Price);
    }

    [Theory]
    [InlineData("-0.01", "Price must be between 0 and 1,000,000.")]
    [InlineData("-5", "Price must be between 0 and 1,000,000.")]
    [InlineData("1000000.01", "Price must be between 0 and 1,000,000.")]
    [InlineData("1.005", "Price can have at most 2 decimal places (cents).")]
    [InlineData("0.001", "Price can have at most 2 decimal places (cents).")]
    public async Task Prices_out_of_range_or_finer_than_cents_are_refused(string price, string message) =>
        await AssertRefusedAsync(ValidCreate(price: decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)), "Price", message);

    [Fact]
    public async Task Negative_stock_is_refused_and_zero_and_the_maximum_accepted()
    {
        await AssertRefusedAsync(ValidCreate(stock: -1), "Stock", "Stock cannot be negative.");
        await CreateAsync(sku: "ZERO", stock: 0);
        await CreateAsync(sku: "MAX", stock: int.MaxValue);
    }

    [Fact]
    public async Task A_description_of_4000_characters_is_accepted_and_4001_refused()
    {
        await Host.SendAsync(new CreateProductCommand(ValidFields(sku: "D-4000") with { Description = new string('d', 4000) }));

        await AssertRefusedAsync(new CreateProductCommand(ValidFields(sku: "D-4001") with { Description = new string('d', 4001) }), "Description",
            "Description must be at most 4,000 characters (it has 4,001).");
    }

    [Fact]
    public async Task Every_broken_rule_is_reported_at_once_keyed_by_the_request_property()
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new CreateProductCommand(new ProductFields(" ", "x", null, -1m, -1))));

        Assert.Equal(["Name", "Price", "Sku", "Stock"], refused.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_duplicate_sku_ignoring_case_is_refused_on_sku()
    {
        await CreateAsync(sku: "LAMP-1");

        await AssertRefusedAsync(ValidCreate(sku: "lamp-1", name: "Other lamp"), "Sku", "SKU LAMP-1 is already used by “Desk lamp”.");
        await using var db = Host.OpenDb();
        Assert.Equal(1, await db.Products.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Parallel_creates_of_one_sku_save_exactly_one_and_refuse_the_rest_on_sku()
    {
        var attempts = Enumerable.Range(0, 8)
            .Select(i => Task.Run(async () =>
            {
                try
                {
                    await Host.SendAsync(ValidCreate(sku: i % 2 == 0 ? "RACE-1" : "race-1", name: $"Racer {i}"));
                    return (Exception?)null;
                }
                catch (Exception exception)
                {
                    return exception;
                }
            }))
            .ToList();

        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, outcome => outcome is null);
        Assert.All(outcomes.OfType<Exception>(), refused =>
        {
            var validation = Assert.IsType<RequestValidationException>(refused);
            Assert.Equal(["Sku"], validation.Errors.Keys);
        });
        await using var db = Host.OpenDb();
        Assert.Equal(1, await db.Products.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_refused_create_stores_nothing_and_publishes_nothing()
    {
        await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(ValidCreate(price: -1m)));

        await using var db = Host.OpenDb();
        Assert.Equal(0, await db.Products.CountAsync(TestContext.Current.CancellationToken));
        Assert.Empty(Notifications.Published);
    }

    private async Task AssertRefusedAsync(CreateProductCommand command, string property, string message)
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(command));

        Assert.Equal([property], refused.Errors.Keys);
        Assert.Equal([message], refused.Errors[property]);
    }
}
