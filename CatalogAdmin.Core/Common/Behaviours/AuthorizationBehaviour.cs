using System.Reflection;
using MediatR;

namespace CatalogAdmin.Core.Common.Behaviours;

/// <summary>
/// Refuses a request the current user may not send, before validation and the handler run.
/// Every request needs a signed-in user; <see cref="RequiresRoleAttribute"/> narrows it to roles.
/// This, not the UI, is the authorization boundary: a circuit can send any request.
/// </summary>
internal sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    private static readonly IReadOnlyList<string>? RequiredRoles = typeof(TRequest).GetCustomAttribute<RequiresRoleAttribute>()?.Roles;

    public Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
        {
            throw new ForbiddenException("Please sign in to continue.");
        }

        if (RequiredRoles is { } roles && !user.IsInRole(Roles.Admin) && !roles.Any(user.IsInRole))
        {
            throw new ForbiddenException($"Your role does not allow this. It needs: {string.Join(" or ", roles.Append(Roles.Admin).Distinct())}.");
        }

        return next();
    }
}
