using System.Runtime.CompilerServices;
using CatalogAdmin.Core.Staff;
using MediatR;

namespace CatalogAdmin.Core.Common.Behaviours;

/// <summary>
/// MediatR runs request behaviours only for <see cref="IRequest{TResponse}"/>; a stream request (an export) gets the
/// same authorization and validation here, before its handler reads a row. The checks run when the stream is first
/// read, so a caller that writes a response reads the first item before it sends any header.
/// </summary>
internal sealed class StreamRequestGuard<TRequest, TResponse>(
    ICurrentUser user, IStaffDirectory staff, IEnumerable<IRequestValidator<TRequest>> validators)
    : IStreamPipelineBehavior<TRequest, TResponse>
    where TRequest : IStreamRequest<TResponse>
{
    public async IAsyncEnumerable<TResponse> Handle(
        TRequest request, StreamHandlerDelegate<TResponse> next, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await RequestAuthorization.CheckAsync<TRequest>(user, staff, cancellationToken);

        var errors = new ValidationErrors();
        foreach (var validator in validators)
        {
            await validator.ValidateAsync(request, errors, cancellationToken);
        }

        errors.ThrowIfAny();
        await foreach (var item in next().WithCancellation(cancellationToken))
        {
            yield return item;
        }
    }
}
