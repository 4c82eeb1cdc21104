using MediatR;

namespace CatalogAdmin.Core.Common.Behaviours;

/// <summary>Runs every validator of the request and refuses it, with all messages at once, before the handler runs.</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IRequestValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        foreach (var validator in validators)
        {
            await validator.ValidateAsync(request, errors, cancellationToken);
        }

        errors.ThrowIfAny();
        return await next();
    }
}
