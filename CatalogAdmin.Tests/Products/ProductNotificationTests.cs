using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Tests.Products;

public class ProductNotificationTests : HandlerTest
{
    [Fact]
    public async Task Each_change_is_published_exactly_once_with_what_changed_and_who()
    {
        Host.User.SignInAs("editor@example.com", Roles.Editor);
        var id = await CreateAsync(sku: "LAMP-1", name: "Desk lamp");
        await Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Desk lamp XL", "LAMP-1", null, 25m, 2), 1));
        await Host.SendAsync(new DeleteProductCommand(id));

        var original = new ProductFields("Desk lamp", "LAMP-1", "A lamp for the desk.", 19.99m, 5);
        var edited = new ProductFields("Desk lamp XL", "LAMP-1", null, 25m, 2);
        var published = Notifications.Published.ToList();
        Assert.Collection(published,
            created => Assert.Equal(new ProductCreatedNotification(id, original, Host.Clock.GetUtcNow()) { ChangedBy = "editor@example.com" }, created),
            updated => Assert.Equal(new ProductUpdatedNotification(id, original, edited, Host.Clock.GetUtcNow()) { ChangedBy = "editor@example.com" }, updated),
            deleted => Assert.Equal(new ProductDeletedNotification(id, edited, Host.Clock.GetUtcNow()) { ChangedBy = "editor@example.com" }, deleted));
    }

    [Fact]
    public async Task Nothing_is_published_when_a_command_changes_nothing()
    {
        var id = await CreateAsync(sku: "LAMP-1");
        Notifications.Published.Clear();

        await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(ValidCreate(sku: "x")));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Lamp", "LAMP-1", null, 1m, 1), 99)));
        await Assert.ThrowsAsync<NotFoundException>(() => Host.SendAsync(new UpdateProductCommand(Guid.NewGuid(), new ProductFields("Lamp", "LAMP-9", null, 1m, 1), 1)));
        Assert.False(await Host.SendAsync(new DeleteProductCommand(Guid.NewGuid())));

        Assert.Empty(Notifications.Published);
    }

    [Fact]
    public async Task Each_change_writes_a_structured_log_line_with_product_id_and_sku()
    {
        var id = await CreateAsync(sku: "LAMP-1");

        var line = Assert.Single(Host.Logs.Entries, e => e.Category.EndsWith("LogProductChange", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal(id, line.Properties["ProductId"]);
        Assert.Equal("LAMP-1", line.Properties["Sku"]);
    }
}

public sealed class FailingNotificationHandlerTests : IAsyncLifetime
{
    private CatalogTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await CatalogTestHost.StartAsync((services, _) =>
            services.AddTransient<INotificationHandler<ProductCreatedNotification>, ThrowingHandler>());

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_throwing_notification_handler_does_not_fail_the_command_or_undo_the_change()
    {
        var id = await _host.SendAsync(new CreateProductCommand(new ProductFields("Desk lamp", "LAMP-1", null, 19.99m, 5)));

        Assert.NotNull(await _host.SendAsync(new GetProductQuery(id)));
        await using var db = _host.OpenDb();
        Assert.True(await db.Activity.AnyAsync(e => e.ProductId == id, TestContext.Current.CancellationToken)); // the other handlers still ran
        var error = Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Contains(id.ToString(), error.Message, StringComparison.Ordinal);
    }

    private sealed class ThrowingHandler : INotificationHandler<ProductCreatedNotification>
    {
        public Task Handle(ProductCreatedNotification notification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The toast service is down.");
    }
}
