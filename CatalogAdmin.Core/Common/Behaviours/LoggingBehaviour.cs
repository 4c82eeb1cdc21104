using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Core.Common.Behaviours;

/// <summary>
/// One structured line per request: its type, what it concerns (when it declares <see cref="IHasLogSubject"/>), how long
/// it took, and how it ended. Never the request's values: they can hold passwords or whole descriptions. Commands
/// (<see cref="ICommand"/>) are logged at Information, reads at Debug. The same duration goes to
/// <see cref="CatalogMetrics.RequestDuration"/>.
/// </summary>
internal sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    private static readonly string RequestType = typeof(TRequest).Name;

    private static readonly LogLevel HandledLevel = typeof(ICommand).IsAssignableFrom(typeof(TRequest)) ? LogLevel.Information : LogLevel.Debug;

    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogHandled(HandledLevel, RequestType, SubjectOf(request), elapsed.TotalMilliseconds, user.Name);
            CatalogMetrics.RecordRequest(RequestType, "handled", elapsed);
            return response;
        }
        catch (Exception exception) when (exception is RequestValidationException or NotFoundException or ConcurrencyConflictException or ForbiddenException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogRefused(RequestType, SubjectOf(request), elapsed.TotalMilliseconds, user.Name, exception.GetType().Name);
            CatalogMetrics.RecordRequest(RequestType, "refused", elapsed);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogFailed(exception, RequestType, SubjectOf(request), elapsed.TotalMilliseconds, user.Name);
            CatalogMetrics.RecordRequest(RequestType, "failed", elapsed);
            throw;
        }
    }

    private static string SubjectOf(TRequest request) =>
        request is IHasLogSubject { LogSubject: var subject } ? $"{subject.Kind} {subject.Key}" : "-";

    [LoggerMessage(Message = "{RequestType} ({Subject}) handled in {ElapsedMs:0.0} ms for {User}")]
    private partial void LogHandled(LogLevel level, string requestType, string subject, double elapsedMs, string? user);

    [LoggerMessage(Level = LogLevel.Information, Message = "{RequestType} ({Subject}) refused ({Reason}) in {ElapsedMs:0.0} ms for {User}")]
    private partial void LogRefused(string requestType, string subject, double elapsedMs, string? user, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{RequestType} ({Subject}) failed in {ElapsedMs:0.0} ms for {User}")]
    private partial void LogFailed(Exception exception, string requestType, string subject, double elapsedMs, string? user);
}
