using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Core.Common.Behaviours;

/// <summary>
/// One structured line per request: its type, the product it concerns (when it names one), how long it
/// took, and how it ended. Never the request's values: they can hold passwords or whole descriptions.
/// The same duration goes to <see cref="CatalogMetrics.RequestDuration"/>.
/// </summary>
internal sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    private static readonly Func<TRequest, Guid?> ProductIdOf = FindProductId();

    // Changes are worth a line in the normal log; reads only when debugging.
    private static readonly LogLevel HandledLevel = typeof(TRequest).Name.EndsWith("Command", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Debug;

    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var productId = ProductIdOf(request) ?? (response is Guid created ? created : null);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogHandled(HandledLevel, typeof(TRequest).Name, productId, elapsed.TotalMilliseconds, user.Name);
            CatalogMetrics.RecordRequest(typeof(TRequest).Name, "handled", elapsed);
            return response;
        }
        catch (Exception exception) when (exception is RequestValidationException or NotFoundException or ConcurrencyConflictException or ForbiddenException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogRefused(typeof(TRequest).Name, ProductIdOf(request), elapsed.TotalMilliseconds, user.Name, exception.GetType().Name);
            CatalogMetrics.RecordRequest(typeof(TRequest).Name, "refused", elapsed);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogFailed(exception, typeof(TRequest).Name, ProductIdOf(request), elapsed.TotalMilliseconds, user.Name);
            CatalogMetrics.RecordRequest(typeof(TRequest).Name, "failed", elapsed);
            throw;
        }
    }

    private static Func<TRequest, Guid?> FindProductId()
    {
        var id = typeof(TRequest).GetProperty("Id");
        return id?.PropertyType == typeof(Guid) ? request => (Guid?)id.GetValue(request) : _ => null;
    }

    [LoggerMessage(Message = "{RequestType} for product {ProductId} handled in {ElapsedMs:0.0} ms for {User}")]
    private partial void LogHandled(LogLevel level, string requestType, Guid? productId, double elapsedMs, string? user);

    [LoggerMessage(Level = LogLevel.Information, Message = "{RequestType} for product {ProductId} refused ({Reason}) in {ElapsedMs:0.0} ms for {User}")]
    private partial void LogRefused(string requestType, Guid? productId, double elapsedMs, string? user, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{RequestType} for product {ProductId} failed in {ElapsedMs:0.0} ms for {User}")]
    private partial void LogFailed(Exception exception, string requestType, Guid? productId, double elapsedMs, string? user);
}
