using System.Globalization;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Bulk;

/// <summary>Each bulk action on ticked ids and on the list's filter ("all matching"); rounding, limits, skipped rows, one notification.</summary>
public class BulkActionTests : HandlerTest
{
    private async Task<(Guid Mugs, Guid Lamps, Guid[] MugIds, Guid[] LampIds)> ArrangeTwoCategoriesAsync()
    {
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var lamps = await Host.SendAsync(new CreateCategoryCommand("Lamps"));
        var mugIds = new[]
        {
            await Host.SendAsync(new CreateProductCommand(new ProductFields("Blue mug", "MUG-1", null, 10.00m, 4, ProductStatus.Active, mugs))),
            await Host.SendAsync(new CreateProductCommand(new ProductFields("Red mug", "MUG-2", null, 19.99m, 12, ProductStatus.Draft, mugs))),
        };
        var lampIds = new[]
        {
            await Host.SendAsync(new CreateProductCommand(new ProductFields("Desk lamp", "LAMP-1", null, 30.00m, 7, ProductStatus.Active, lamps))),
        };
        return (mugs, lamps, mugIds, lampIds);
    }

    private async Task<Dictionary<Guid, Product>> StoredAsync()
    {
        await using var db = Host.OpenDb();
        return await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, TestContext.Current.CancellationToken);
    }

    public static TheoryData<string> Actions => new() { "status", "category", "price", "set-stock", "adjust-stock" };

    private static (Func<BulkSelection, MediatR.IRequest<BulkResult>> Make, Func<Product, object> Value, object Expected) Action(string name, Guid lamps) => name switch
    {
        "status" => (s => new SetProductStatusCommand(s, ProductStatus.Archived), p => p.Status, ProductStatus.Archived),
        "category" => (s => new SetProductCategoryCommand(s, lamps), p => p.CategoryId!, lamps),
        "price" => (s => new AdjustProductPricesCommand(s, new PriceAdjustment(PriceAdjustmentKind.Amount, 1.00m)), p => p.Price, -1m),
        "set-stock" => (s => new SetProductStockCommand(s, 100), p => p.Stock, 100),
        _ => (s => new AdjustProductStockCommand(s, 3), p => p.Stock, -1),
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Each_action_changes_the_ticked_products_and_no_other(string name)
    {
        var (_, lamps, mugIds, lampIds) = await ArrangeTwoCategoriesAsync();
        var before = await StoredAsync();
        var (make, value, expected) = Action(name, lamps);

        var result = await Host.SendAsync(make(BulkSelection.OfIds([mugIds[1]])));

        var after = await StoredAsync();
        Assert.Equal((1, 0, 0), (result.Changed, result.Unchanged, result.SkippedCount));
        AssertChanged(name, expected, value, before[mugIds[1]], after[mugIds[1]]);
        Assert.Equal(before[mugIds[0]].Version, after[mugIds[0]].Version);
        Assert.Equal(before[lampIds[0]].Version, after[lampIds[0]].Version);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Each_action_on_all_matching_changes_exactly_what_the_filter_lists(string name)
    {
        var (mugs, lamps, mugIds, lampIds) = await ArrangeTwoCategoriesAsync();
        var before = await StoredAsync();
        var (make, value, expected) = Action(name, lamps);
        var filter = new ProductFilter(Search: "mug", CategoryId: mugs);
        var listed = await Host.SendAsync(new ListProductsQuery(filter));

        var result = await Host.SendAsync(make(BulkSelection.AllMatching(filter)));

        var after = await StoredAsync();
        Assert.Equal(listed.Items.Select(i => i.Id).Order(), mugIds.Order());
        Assert.Equal(2, result.Changed);
        foreach (var id in mugIds)
        {
            AssertChanged(name, expected, value, before[id], after[id]);
        }

        Assert.Equal(before[lampIds[0]].Version, after[lampIds[0]].Version);
        var notification = Assert.Single(Notifications.Bulk);
        Assert.Equal((result.BatchId, 2, "admin@example.com"), (notification.BatchId, notification.Changed, notification.ChangedBy));
        Assert.DoesNotContain(Notifications.Published, n => n.Kind == ProductChangeKind.Updated); // one batch notification, not one per product
    }

    private static void AssertChanged(string name, object expected, Func<Product, object> value, Product before, Product after)
    {
        var want = name switch
        {
            "price" => before.Price + 1.00m,
            "adjust-stock" => before.Stock + 3,
            _ => expected,
        };
        Assert.Equal(want, value(after));
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Theory]
    [InlineData(19.99, PriceAdjustmentKind.Percent, 5, false, 20.99)]     // 20.9895
    [InlineData(1.15, PriceAdjustmentKind.Percent, 10, false, 1.27)]      // 1.265: half away from zero, not to even
    [InlineData(10.00, PriceAdjustmentKind.Percent, -12.5, false, 8.75)]
    [InlineData(0.05, PriceAdjustmentKind.Percent, -100, false, 0.00)]
    [InlineData(24.99, PriceAdjustmentKind.Amount, -2.50, false, 22.49)]
    [InlineData(10.00, PriceAdjustmentKind.Percent, 10, true, 10.99)]     // 11.00: 10.99 is nearer than 11.99
    [InlineData(21.50, PriceAdjustmentKind.Amount, 1.00, true, 22.99)]    // 22.50: 22.99 is 0.49 away, 21.99 0.51
    [InlineData(21.00, PriceAdjustmentKind.Amount, 1.49, true, 22.99)]    // 22.49: halfway goes up
    [InlineData(19.99, PriceAdjustmentKind.Percent, 5, true, 20.99)]      // already ends in .99
    [InlineData(0.20, PriceAdjustmentKind.Amount, -0.10, true, 0.99)]     // never below 0.99 when ending in .99
    public async Task Prices_are_rounded_to_the_cent_and_may_end_in_99(double price, PriceAdjustmentKind kind, double value, bool endIn99, double expected)
    {
        var id = await CreateAsync(sku: "MUG-1", price: (decimal)price);

        await Host.SendAsync(new AdjustProductPricesCommand(BulkSelection.OfIds([id]), new PriceAdjustment(kind, (decimal)value, endIn99)));

        Assert.Equal((decimal)expected, (await StoredAsync())[id].Price);
    }

    [Fact]
    public async Task Products_a_price_change_would_make_invalid_are_skipped_and_listed_not_clamped()
    {
        var cheap = await CreateAsync(sku: "CHEAP-1", name: "Cheap mug", price: 3.00m);
        var dear = await CreateAsync(sku: "DEAR-1", name: "Gold mug", price: 999_999.00m);
        var fine = await CreateAsync(sku: "FINE-1", price: 20.00m);

        var lowered = await Host.SendAsync(new AdjustProductPricesCommand(BulkSelection.OfIds([cheap, fine]), new PriceAdjustment(PriceAdjustmentKind.Amount, -5.00m)));
        var raised = await Host.SendAsync(new AdjustProductPricesCommand(BulkSelection.OfIds([dear]), new PriceAdjustment(PriceAdjustmentKind.Percent, 1m)));

        var stored = await StoredAsync();
        Assert.Equal((3.00m, 1L), (stored[cheap].Price, stored[cheap].Version));
        Assert.Equal((999_999.00m, 1L), (stored[dear].Price, stored[dear].Version));
        Assert.Equal(15.00m, stored[fine].Price);
        Assert.Equal((1, 1), (lowered.Changed, lowered.SkippedCount));
        var skipped = Assert.Single(lowered.Skipped);
        Assert.Equal((cheap, "Cheap mug", "CHEAP-1"), (skipped.Id, skipped.Name, skipped.Sku));
        Assert.StartsWith("The price would be -2.00.", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal((0, 1), (raised.Changed, raised.SkippedCount));
        Assert.StartsWith("The price would be 1,009,998.99.", Assert.Single(raised.Skipped).Reason, StringComparison.Ordinal);
        Assert.Single(Notifications.Bulk); // the action that changed nothing told nobody
    }

    [Fact]
    public async Task Stock_taken_away_stops_at_0()
    {
        var few = await CreateAsync(sku: "FEW-1", stock: 4);
        var many = await CreateAsync(sku: "MANY-1", stock: 25);

        var result = await Host.SendAsync(new AdjustProductStockCommand(BulkSelection.OfIds([few, many]), -10));

        var stored = await StoredAsync();
        Assert.Equal((0, 15), (stored[few].Stock, stored[many].Stock));
        Assert.Equal("Took 10 from the stock of 2 products", result.Summary);
    }

    [Fact]
    public async Task Products_that_already_have_the_value_are_counted_as_unchanged_and_keep_their_version()
    {
        var (_, _, mugIds, _) = await ArrangeTwoCategoriesAsync(); // one Active, one Draft

        var result = await Host.SendAsync(new SetProductStatusCommand(BulkSelection.OfIds(mugIds), ProductStatus.Active));

        Assert.Equal((1, 1), (result.Changed, result.Unchanged));
        Assert.Equal("Set the status of 1 product to Active", result.Summary);
        var stored = await StoredAsync();
        Assert.Equal((1L, 2L), (stored[mugIds[0]].Version, stored[mugIds[1]].Version));
    }

    [Fact]
    public async Task The_summary_names_the_count_and_the_change()
    {
        var (mugs, _, mugIds, _) = await ArrangeTwoCategoriesAsync();
        var all = BulkSelection.AllMatching(ProductFilter.All);

        Assert.Equal("Raised the price of 3 products by 5%",
            (await Host.SendAsync(new AdjustProductPricesCommand(all, new PriceAdjustment(PriceAdjustmentKind.Percent, 5m)))).Summary);
        Assert.Equal("Moved 1 product to Mugs",
            (await Host.SendAsync(new SetProductCategoryCommand(BulkSelection.AllMatching(new ProductFilter(Search: "lamp")), mugs))).Summary);
        Assert.Equal("Took 2 products out of their category",
            (await Host.SendAsync(new SetProductCategoryCommand(BulkSelection.OfIds(mugIds), null))).Summary);
        Assert.Equal("Set the stock of 3 products to 100", (await Host.SendAsync(new SetProductStockCommand(all, 100))).Summary);
    }

    [Fact]
    public async Task The_confirmations_count_is_exact_past_the_lists_count_limit()
    {
        await using (var db = Host.OpenDb())
        {
            var now = Host.Clock.GetUtcNow();
            db.Products.AddRange(Enumerable.Range(1, ProductSelection.RowCountLimit + 5)
                .Select(i => new Product(new ProductFields($"Mug {i}", $"MUG-{i}", null, 5m, 1, ProductStatus.Draft), now)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var filter = new ProductFilter(Status: ProductStatus.Draft);
        var listed = await Host.SendAsync(new ListProductsQuery(filter));
        var count = await Host.SendAsync(new CountBulkSelectionQuery(BulkSelection.AllMatching(filter)));

        Assert.True(listed.TotalIsLowerBound);
        Assert.Equal(ProductSelection.RowCountLimit + 5, count);
        var result = await Host.SendAsync(new SetProductStatusCommand(BulkSelection.AllMatching(filter), ProductStatus.Active));
        Assert.Equal(count, result.Changed);
    }

    [Fact]
    public async Task Bad_values_are_refused_on_their_field_and_change_nothing()
    {
        var id = await CreateAsync(sku: "MUG-1");
        var ids = BulkSelection.OfIds([id]);

        Assert.Equal(["Selection"], (await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new SetProductStockCommand(BulkSelection.OfIds([]), 1)))).Errors.Keys);
        Assert.Equal(["Stock"], (await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new SetProductStockCommand(ids, -1)))).Errors.Keys);
        Assert.Equal(["Change"], (await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new AdjustProductStockCommand(ids, 0)))).Errors.Keys);
        Assert.Equal(["Adjustment"], (await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new AdjustProductPricesCommand(ids, new PriceAdjustment(PriceAdjustmentKind.Percent, -101m))))).Errors.Keys);
        Assert.Equal(["Adjustment"], (await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new AdjustProductPricesCommand(ids, new PriceAdjustment(PriceAdjustmentKind.Amount, 0.001m))))).Errors.Keys);
        Assert.Equal(["CategoryId"], (await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new SetProductCategoryCommand(ids, Guid.NewGuid())))).Errors.Keys);
        Assert.Equal(["Status"], (await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new SetProductStatusCommand(ids, (ProductStatus)7)))).Errors.Keys);
        Assert.Equal(["Selection"], (await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new SetProductStockCommand(BulkSelection.AllMatching(new ProductFilter(Search: new string('a', 201))), 1)))).Errors.Keys);

        Assert.Equal(1L, (await StoredAsync())[id].Version);
        Assert.Empty(Notifications.Bulk);
    }

    public static TheoryData<string, string?> Callers => new()
    {
        { "anonymous", null },
        { "viewer@example.com", Roles.Viewer },
        { "editor@example.com", Roles.Editor },
        { "admin@example.com", Roles.Admin },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Bulk_actions_and_quick_edit_need_an_editor_or_an_admin(string caller, string? role)
    {
        var (mugs, _, mugIds, _) = await ArrangeTwoCategoriesAsync();
        if (role is null)
        {
            Host.User.SignOut();
        }
        else
        {
            Host.User.SignInAs(caller, role);
        }

        var ids = BulkSelection.OfIds(mugIds);
        MediatR.IBaseRequest[] requests =
        [
            new CountBulkSelectionQuery(ids),
            new SaveQuickEditsCommand([new QuickEditRow(mugIds[0], 1, new QuickEditFields("Mug", 1m, 1, ProductStatus.Active, mugs))]),
            new SetProductStatusCommand(ids, ProductStatus.Archived),
            new SetProductCategoryCommand(ids, null),
            new AdjustProductPricesCommand(ids, new PriceAdjustment(PriceAdjustmentKind.Percent, 10m)),
            new SetProductStockCommand(ids, 50),
            new AdjustProductStockCommand(ids, 5),
            new MoveProductsToTrashCommand(ids),
        ];

        foreach (var request in requests)
        {
            if (role is Roles.Editor or Roles.Admin)
            {
                await Host.SendUntypedAsync(request);
            }
            else
            {
                await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendUntypedAsync(request));
            }
        }

        var allowed = role is Roles.Editor or Roles.Admin;
        var mugVersions = (await StoredAsync()).Values.Where(p => mugIds.Contains(p.Id)).Select(p => p.Version);
        Assert.All(mugVersions, version => Assert.Equal(allowed, version > 1));
        Assert.Equal(allowed ? 7 : 0, Notifications.Bulk.Count);
    }

    /// <summary>
    /// The database computes a price change in whole cents (PriceAdjustmentInDatabase), the rule in
    /// <see cref="PriceAdjustment.Apply"/> in decimals: the two must agree on every price, at every edge of rounding and of
    /// .99, and skip the same products. History records each old and new price as the entities' path writes them.
    /// </summary>
    [Fact]
    public async Task The_database_changes_each_price_as_the_adjustment_rule_computes_it_and_records_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var cents = new List<long> { 0, 1, 5, 49, 50, 51, 98, 99, 100, 101, 148, 149, 150, 151, 199, 1_049, 1_050, 1_999, 2_150, 99_999_999, 100_000_000 };
        var random = new Random(20261207);
        while (cents.Count < 120)
        {
            cents.Add(random.NextInt64(0, random.Next(2) == 0 ? 10_000 : 100_000_001));
        }

        var ids = new List<Guid>();
        foreach (var (price, i) in cents.Select((c, i) => (c / 100m, i)))
        {
            ids.Add(await CreateAsync(sku: $"P-{i:D3}", price: price));
        }

        PriceAdjustment[] adjustments =
        [
            new(PriceAdjustmentKind.Percent, 5m),
            new(PriceAdjustmentKind.Percent, 12.5m, EndIn99: true),
            new(PriceAdjustmentKind.Percent, -33.33m),
            new(PriceAdjustmentKind.Percent, -0.01m, EndIn99: true),
            new(PriceAdjustmentKind.Percent, 0m, EndIn99: true),
            new(PriceAdjustmentKind.Percent, 999.99m),
            new(PriceAdjustmentKind.Percent, -100m),
            new(PriceAdjustmentKind.Amount, 7.77m),
            new(PriceAdjustmentKind.Amount, -2.50m, EndIn99: true),
            new(PriceAdjustmentKind.Amount, 0.01m),
            new(PriceAdjustmentKind.Amount, -999_999.99m),
        ];
        foreach (var adjustment in adjustments)
        {
            var before = await StoredAsync();
            var result = await Host.SendAsync(new AdjustProductPricesCommand(BulkSelection.OfIds(ids), adjustment));
            var after = await StoredAsync();

            var expected = ids.ToDictionary(id => id, id => adjustment.Apply(before[id].Price));
            var skipped = ids.Where(id => ProductRules.PriceError(expected[id]) is not null).ToHashSet();
            var changed = ids.Where(id => !skipped.Contains(id) && expected[id] != before[id].Price).ToHashSet();
            foreach (var id in ids)
            {
                Assert.True(
                    (skipped.Contains(id) ? before[id].Price : expected[id]) == after[id].Price,
                    $"{adjustment} of {before[id].Price}: {after[id].Price}, expected {expected[id]}{(skipped.Contains(id) ? " (skipped)" : "")}.");
                Assert.Equal(before[id].Version + (changed.Contains(id) ? 1 : 0), after[id].Version);
            }

            Assert.Equal((changed.Count, skipped.Count, ids.Count - changed.Count - skipped.Count), (result.Changed, result.SkippedCount, result.Unchanged));
            Assert.Equal(Math.Min(skipped.Count, BulkUpdate.SkippedListed), result.Skipped.Count);
            Assert.Subset(skipped, result.Skipped.Select(s => s.Id).ToHashSet());

            await using var db = Host.OpenDb();
            var entries = await db.ProductHistory.AsNoTracking().Where(e => e.BatchId == result.BatchId).ToListAsync(cancellationToken);
            Assert.Equal(changed.Order(), entries.Select(e => e.ProductId).Order());
            foreach (var entry in entries)
            {
                Assert.Equal((ChangeSource.Bulk, ProductHistoryKind.Updated, after[entry.ProductId].Version), (entry.Source, entry.Kind, entry.VersionAfter));
                Assert.Equal(
                    new StoredFieldChange("Price", before[entry.ProductId].Price.ToString("0.00", CultureInfo.InvariantCulture), expected[entry.ProductId].ToString("0.00", CultureInfo.InvariantCulture)),
                    Assert.Single(entry.Changes));
            }
        }
    }
}
