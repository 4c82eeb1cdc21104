using System.Collections.Concurrent;
using MediatR;

namespace CatalogAdmin.Tests.Infrastructure;

/// <summary>
/// Stands in for MediatR's <see cref="ISender"/> in component tests: records every request sent and
/// answers from canned responses registered per request type (a value, or a function of the request).
/// A request with no canned answer fails the test loudly instead of returning a silent default.
/// </summary>
public sealed class FakeSender : ISender
{
    private readonly ConcurrentDictionary<Type, Func<object, Task<object?>>> _answers = new();

    public ConcurrentQueue<object> Sent { get; } = new();

    public IReadOnlyList<T> SentOf<T>() => Sent.OfType<T>().ToList();

    public FakeSender Answer<TRequest, TResponse>(Func<TRequest, TResponse> answer)
        where TRequest : IRequest<TResponse>
    {
        _answers[typeof(TRequest)] = request => Task.FromResult<object?>(answer((TRequest)request));
        return this;
    }

    public FakeSender AnswerAsync<TRequest, TResponse>(Func<TRequest, Task<TResponse>> answer)
        where TRequest : IRequest<TResponse>
    {
        _answers[typeof(TRequest)] = async request => await answer((TRequest)request);
        return this;
    }

    /// <summary>A request without a response (a command that only succeeds or throws) succeeds.</summary>
    public FakeSender Succeed<TRequest>()
        where TRequest : IRequest
    {
        _answers[typeof(TRequest)] = _ => Task.FromResult<object?>(null);
        return this;
    }

    public FakeSender Throw<TRequest>(Func<TRequest, Exception> exception)
    {
        _answers[typeof(TRequest)] = request => Task.FromException<object?>(exception((TRequest)request));
        return this;
    }

    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        (TResponse)(await Dispatch(request))!;

    public Task Send<TRequest>(TRequest request, CancellationToken cancellationToken = default)
        where TRequest : IRequest => Dispatch(request);

    public async Task<object?> Send(object request, CancellationToken cancellationToken = default) => await Dispatch(request);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The app sends no stream requests.");

    public IAsyncEnumerable<object?> CreateStream(object request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The app sends no stream requests.");

    private Task<object?> Dispatch(object request)
    {
        Sent.Enqueue(request);
        return _answers.TryGetValue(request.GetType(), out var answer)
            ? answer(request)
            : throw new InvalidOperationException($"FakeSender has no answer for {request.GetType().Name}; register one with Answer<,>().");
    }
}
