namespace CatalogAdmin.Core.Staff;

/// <summary>
/// Staff accounts as Core's use cases need them. Core declares it and keeps the rules (who may change what, the last
/// Admin); Web implements it with ASP.NET Core Identity, which stores the accounts.
/// </summary>
public interface IStaffDirectory
{
    Task<IReadOnlyList<StaffMemberDto>> ListAsync(CancellationToken cancellationToken);

    Task<StaffMemberDto?> FindAsync(string userId, CancellationToken cancellationToken);

    Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken);

    /// <summary>Creates an account and returns its id. A password the policy refuses is a <see cref="RequestValidationException"/> on "Password".</summary>
    Task<string> CreateAsync(string email, string role, string password, CancellationToken cancellationToken);

    Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken);

    Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken);

    Task SetPasswordAsync(string userId, string password, CancellationToken cancellationToken);

    Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken);

    /// <summary>The account's role and whether it may sign in, read from the store now: asked before every command.</summary>
    Task<StaffAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken);
}

public sealed record StaffMemberDto(string Id, string Email, string Role, bool IsLockedOut);

/// <summary>What an account may do right now, from the store rather than from the claims it signed in with.</summary>
public sealed record StaffAccess(string Role, bool IsActive);

/// <summary>Used until the host registers a directory: there are no accounts, so every command is refused.</summary>
internal sealed class NoStaffDirectory : IStaffDirectory
{
    public Task<IReadOnlyList<StaffMemberDto>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StaffMemberDto>>([]);

    public Task<StaffMemberDto?> FindAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<StaffMemberDto?>(null);

    public Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<string> CreateAsync(string email, string role, string password, CancellationToken cancellationToken) => throw NoStore();

    public Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken) => throw NoStore();

    public Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken) => throw NoStore();

    public Task SetPasswordAsync(string userId, string password, CancellationToken cancellationToken) => throw NoStore();

    public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<StaffAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<StaffAccess?>(null);

    private static InvalidOperationException NoStore() => new("No staff accounts store is registered (IStaffDirectory).");
}
