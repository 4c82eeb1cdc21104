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

    /// <summary>
    /// Creates an account and returns its id. A password the policy refuses is a <see cref="RequestValidationException"/>
    /// on "Password". With <paramref name="mustChangePassword"/> the owner must choose a new one at the next sign-in.
    /// </summary>
    Task<string> CreateAsync(string email, string displayName, string role, string password, bool mustChangePassword, CancellationToken cancellationToken);

    /// <summary>The display names of the accounts with these emails (case-insensitive keys); unknown emails are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken);

    /// <summary>Gives the account another role and ends its open sessions at once.</summary>
    Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken);

    /// <summary>Locks (ending its open sessions at once) or unlocks the account.</summary>
    Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken);

    /// <summary>Replaces the password and ends the account's open sessions at once.</summary>
    Task SetPasswordAsync(string userId, string password, bool mustChangePassword, CancellationToken cancellationToken);

    Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The account's role and whether it may act, read from the store now in one small query: asked before every command.
    /// </summary>
    Task<StaffAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="change"/> as one transaction that holds the store's write lock from its start, with a
    /// directory bound to that transaction: what the change reads (how many Admins are left) still holds when it writes,
    /// also against another app instance on the same database. Sessions the change ends are ended after it commits.
    /// </summary>
    Task InWriteTransactionAsync(Func<IStaffDirectory, Task> change, CancellationToken cancellationToken);
}

public sealed record StaffMemberDto(string Id, string Email, string Role, bool IsLockedOut, string DisplayName = "");

/// <summary>What an account may do right now, from the store rather than from the claims it signed in with.</summary>
/// <param name="MustChangePassword">It signed in with a one-time password and may do nothing until it chose its own.</param>
public sealed record StaffAccess(string Role, bool IsActive, bool MustChangePassword = false);

/// <summary>Used until the host registers a directory: there are no accounts, so every command is refused.</summary>
internal sealed class NoStaffDirectory : IStaffDirectory
{
    public Task<IReadOnlyList<StaffMemberDto>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StaffMemberDto>>([]);

    public Task<StaffMemberDto?> FindAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<StaffMemberDto?>(null);

    public Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<string> CreateAsync(string email, string displayName, string role, string password, bool mustChangePassword, CancellationToken cancellationToken) =>
        throw NoStore();

    public Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken) => throw NoStore();

    public Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken) => throw NoStore();

    public Task SetPasswordAsync(string userId, string password, bool mustChangePassword, CancellationToken cancellationToken) => throw NoStore();

    public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<StaffAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<StaffAccess?>(null);

    public Task InWriteTransactionAsync(Func<IStaffDirectory, Task> change, CancellationToken cancellationToken) => throw NoStore();

    private static InvalidOperationException NoStore() => new("No staff accounts store is registered (IStaffDirectory).");
}
