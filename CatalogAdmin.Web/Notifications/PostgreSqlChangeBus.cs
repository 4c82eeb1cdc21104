using System.Text.Json;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Staff;
using MediatR;
using Npgsql;

namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// Live updates across app instances on one PostgreSQL database. A change is given to this instance's pages at once
/// and sent to the others with NOTIFY (as JSON, named by type and marked with this instance's id, so it is not
/// delivered here twice). One dedicated connection LISTENs; when it drops it is opened again with a growing pause,
/// and the pages refresh once (<see cref="CatalogResyncNotification"/>) to cover what was said meanwhile. A change too
/// large for NOTIFY's 8,000 bytes (a big import's details) is sent as that refresh instead.
/// </summary>
internal sealed partial class PostgreSqlChangeBus(
    CatalogDatabaseSettings database, CatalogChangeBroadcaster broadcaster, TimeProvider clock, ILogger<PostgreSqlChangeBus> logger)
    : BackgroundService, ICatalogChangeBus
{
    public const string Channel = "catalog_changes";

    private const int MaxPayloadBytes = 7_900;

    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    /// <summary>What may come over the channel: the notifications pages listen for, by name.</summary>
    private static readonly Dictionary<string, Type> Carried = new[]
    {
        typeof(ProductCreatedNotification), typeof(ProductUpdatedNotification), typeof(ProductDeletedNotification),
        typeof(ProductRestoredNotification), typeof(ProductPurgedNotification), typeof(ProductBatchUndoneNotification), typeof(CategoryChangedNotification),
        typeof(StaffChangedNotification), typeof(ProductsImportedNotification), typeof(ProductsChangedInBulkNotification),
        typeof(CatalogResyncNotification),
    }.ToDictionary(t => t.Name);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(database.ConnectionString);

    /// <summary>Set once the listening connection is open (a test waits for it).</summary>
    internal TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task PublishAsync(INotification change, CancellationToken cancellationToken)
    {
        await broadcaster.BroadcastAsync(change);

        var payload = Serialize(change);
        if (System.Text.Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            payload = Serialize(CatalogResyncNotification.Instance);
        }

        try
        {
            await using var command = _dataSource.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.AddWithValue(Channel);
            command.Parameters.AddWithValue(payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            // The change is saved; other instances' pages catch up at their next refresh.
            LogNotifyFailed(exception, change.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(reconnecting, () => pause = TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(exception, pause.TotalSeconds);
                try
                {
                    await Task.Delay(pause, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
                reconnecting = true;
            }
        }
    }

    private async Task ListenAsync(bool reconnecting, Action connected, CancellationToken stoppingToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, e) => Receive(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        connected();
        Listening.TrySetResult();
        if (reconnecting)
        {
            LogReconnected();
            _ = Task.Run(() => broadcaster.BroadcastAsync(CatalogResyncNotification.Instance), CancellationToken.None);
        }

        while (true)
        {
            if (!await connection.WaitAsync(IdleCheck, stoppingToken))
            {
                // Nothing heard for a while: make sure the connection is still there (a dead one would wait forever).
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(stoppingToken);
            }
        }
    }

    private void Receive(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.GetProperty("instance").GetString() == _instance)
            {
                return; // already given to this instance's pages
            }

            if (!Carried.TryGetValue(root.GetProperty("type").GetString() ?? string.Empty, out var type))
            {
                return;
            }

            if (root.GetProperty("change").Deserialize(type) is INotification change)
            {
                // Off the connection's thread: pages render on their own dispatchers.
                _ = Task.Run(() => broadcaster.BroadcastAsync(change));
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or NotSupportedException)
        {
            LogUnreadable(exception);
        }
    }

    private string Serialize(INotification change) =>
        JsonSerializer.Serialize(new { instance = _instance, type = change.GetType().Name, change = (object)change });

    public override void Dispose()
    {
        _dataSource.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell other instances about {Change}")]
    private partial void LogNotifyFailed(Exception exception, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other instances' changes failed; trying again in {Seconds} s")]
    private partial void LogListenFailed(Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for other instances' changes again; open lists refresh once")]
    private partial void LogReconnected();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change from another instance could not be read")]
    private partial void LogUnreadable(Exception exception);
}
