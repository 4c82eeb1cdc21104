using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Web.Identity;

/// <summary>
/// Core's staff accounts, stored by ASP.NET Core Identity. Each operation gets a scope (and so a UserManager and
/// context) of its own: a circuit lives for minutes, and a circuit-scoped context would be shared by every component.
/// Inside <see cref="InWriteTransactionAsync"/> every operation shares the transaction's scope instead. A role change,
/// a lock or a new password ends the account's open sessions (<see cref="IStaffSessions"/>) once it is stored.
/// </summary>
internal sealed class IdentityStaffDirectory : IStaffDirectory
{
    // One compiled query per model: EF Core refuses a compiled query on a model other than the one it was compiled
    // against, and each host (an app, a test's host, the command line) may build its own.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<StaffDbContext, string, IAsyncEnumerable<AccessRow>>> AccessQueries = new();

    private static Func<StaffDbContext, string, IAsyncEnumerable<AccessRow>> AccessQueryFor(StaffDbContext db) =>
        AccessQueries.GetValue(db.Model, _ => CompileAccessQuery());

    private static Func<StaffDbContext, string, IAsyncEnumerable<AccessRow>> CompileAccessQuery() => EF.CompileAsyncQuery(
        (StaffDbContext db, string userId) =>
            from user in db.Users
            where user.Id == userId
            from userRole in db.UserRoles.Where(ur => ur.UserId == user.Id).DefaultIfEmpty()
            from role in db.Roles.Where(r => r.Id == userRole!.RoleId).DefaultIfEmpty()
            select new AccessRow(user.LockoutEnabled, user.LockoutEnd, user.MustChangePassword, role!.Name));

    private readonly IServiceScopeFactory _scopes;
    private readonly IDbContextFactory<StaffDbContext> _contexts;
    private readonly IStaffSessions _sessions;
    private readonly TimeProvider _clock;

    // Set only on the directory a write transaction hands to its change: the transaction's scope, and the sessions to
    // end once it has committed.
    private readonly IServiceProvider? _transaction;
    private readonly HashSet<string>? _sessionsToEnd;

    public IdentityStaffDirectory(IServiceScopeFactory scopes, IDbContextFactory<StaffDbContext> contexts, IStaffSessions sessions, TimeProvider clock)
    {
        _scopes = scopes;
        _contexts = contexts;
        _sessions = sessions;
        _clock = clock;
    }

    private IdentityStaffDirectory(IdentityStaffDirectory root, IServiceProvider transaction)
        : this(root._scopes, root._contexts, root._sessions, root._clock)
    {
        _transaction = transaction;
        _sessionsToEnd = [];
    }

    public Task<IReadOnlyList<StaffMemberDto>> ListAsync(CancellationToken cancellationToken) =>
        UseAsync<IReadOnlyList<StaffMemberDto>>(async (users, _) =>
        {
            var staff = new List<StaffMemberDto>();
            foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken))
            {
                staff.Add(await ToDtoAsync(users, user));
            }

            return staff;
        });

    public Task<StaffMemberDto?> FindAsync(string userId, CancellationToken cancellationToken) =>
        UseAsync(async (users, _) => await users.FindByIdAsync(userId) is { } user ? await ToDtoAsync(users, user) : null);

    public Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken) =>
        UseAsync(async (users, _) => await users.FindByEmailAsync(email) is not null);

    public Task<string> CreateAsync(string email, string displayName, string role, string password, bool mustChangePassword, CancellationToken cancellationToken) =>
        UseAsync(async (users, _) =>
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true, MustChangePassword = mustChangePassword };
            ThrowIfFailed(await users.CreateAsync(user, password), "Password");
            ThrowIfFailed(await users.AddToRoleAsync(user, role), "Role");
            return user.Id;
        });

    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var normalized = emails.Select(e => e.ToUpperInvariant()).Distinct().ToList();
        if (normalized.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Users
            .Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        return names
            .Where(n => n.Email is not null)
            .ToDictionary(n => n.Email!, n => n.DisplayName.Length > 0 ? n.DisplayName : n.Email!.Split('@')[0], StringComparer.OrdinalIgnoreCase);
    }

    public Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken) =>
        UseAsync(async (users, _) =>
        {
            var user = await FindUserAsync(users, userId);
            ThrowIfFailed(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), "Role");
            ThrowIfFailed(await users.AddToRoleAsync(user, role), "Role");
            // A new security stamp makes cookies of this account stop carrying the old role; its circuits end now.
            await users.UpdateSecurityStampAsync(user);
            EndSessionsOf(userId);
            return true;
        });

    public Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken) =>
        UseAsync(async (users, _) =>
        {
            var user = await FindUserAsync(users, userId);
            if (locked)
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                await users.UpdateSecurityStampAsync(user);
                EndSessionsOf(userId);
            }
            else
            {
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }

            return true;
        });

    public Task SetPasswordAsync(string userId, string password, bool mustChangePassword, CancellationToken cancellationToken) =>
        UseAsync(async (users, _) =>
        {
            var user = await FindUserAsync(users, userId);
            user.MustChangePassword = mustChangePassword;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            // Resetting saves the flag with the password and gives the account a new security stamp.
            ThrowIfFailed(await users.ResetPasswordAsync(user, token, password), "Password");
            EndSessionsOf(userId);
            return true;
        });

    public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) =>
        UseAsync(async (_, db) =>
        {
            var admins = await (
                    from userRole in db.UserRoles
                    join role in db.Roles on userRole.RoleId equals role.Id
                    join user in db.Users on userRole.UserId equals user.Id
                    where role.Name == Roles.Admin
                    select new { user.LockoutEnabled, user.LockoutEnd })
                .ToListAsync(cancellationToken);
            return admins.Count(a => !IsLockedOut(a.LockoutEnabled, a.LockoutEnd));
        });

    /// <summary>One query (the account joined with its roles), on a pooled context, compiled once.</summary>
    public async Task<StaffAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            return await ReadAccessAsync(_transaction.GetRequiredService<StaffDbContext>(), userId, cancellationToken);
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await ReadAccessAsync(db, userId, cancellationToken);
    }

    /// <summary>
    /// The catalog's write lock first (<see cref="CatalogWriteLock"/>): SQLite's BEGIN IMMEDIATE, or on PostgreSQL an
    /// advisory lock every app instance takes alike, so a second change waits for the first to commit before it reads.
    /// </summary>
    public async Task InWriteTransactionAsync(Func<IStaffDirectory, Task> change, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await change(this);
            return;
        }

        var bound = await InTransactionScopeAsync(change, cancellationToken);
        foreach (var userId in bound)
        {
            _sessions.EndSessionsOf(userId);
        }
    }

    private async Task<IReadOnlyCollection<string>> InTransactionScopeAsync(Func<IStaffDirectory, Task> change, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var bound = new IdentityStaffDirectory(this, scope.ServiceProvider);
        await change(bound);
        await transaction.CommitAsync(cancellationToken);
        return bound._sessionsToEnd!;
    }

    private async Task<StaffAccess?> ReadAccessAsync(StaffDbContext db, string userId, CancellationToken cancellationToken)
    {
        var rows = new List<AccessRow>(1);
        await foreach (var row in AccessQueryFor(db)(db, userId).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var role = Roles.All.FirstOrDefault(r => rows.Any(row => row.Role == r)) ?? string.Empty;
        return new StaffAccess(role, !IsLockedOut(rows[0].LockoutEnabled, rows[0].LockoutEnd), rows[0].MustChangePassword);
    }

    private bool IsLockedOut(bool lockoutEnabled, DateTimeOffset? lockoutEnd) =>
        lockoutEnabled && lockoutEnd is { } end && end > _clock.GetUtcNow();

    private void EndSessionsOf(string userId)
    {
        if (_sessionsToEnd is not null)
        {
            _sessionsToEnd.Add(userId); // after the commit: a rolled-back change ends nothing
        }
        else
        {
            _sessions.EndSessionsOf(userId);
        }
    }

    private async Task<T> UseAsync<T>(Func<UserManager<StaffUser>, StaffDbContext, Task<T>> operation)
    {
        if (_transaction is not null)
        {
            return await operation(_transaction.GetRequiredService<UserManager<StaffUser>>(), _transaction.GetRequiredService<StaffDbContext>());
        }

        await using var scope = _scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), scope.ServiceProvider.GetRequiredService<StaffDbContext>());
    }

    private static async Task<StaffUser> FindUserAsync(UserManager<StaffUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new NotFoundException("Staff member", userId);

    private static async Task<StaffMemberDto> ToDtoAsync(UserManager<StaffUser> users, StaffUser user) =>
        new(user.Id, user.Email ?? user.UserName ?? user.Id, await RoleOfAsync(users, user), await users.IsLockedOutAsync(user), user.DisplayName);

    private static async Task<string> RoleOfAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return Roles.All.FirstOrDefault(roles.Contains) ?? string.Empty;
    }

    private static void ThrowIfFailed(IdentityResult result, string property)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(property, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed record AccessRow(bool LockoutEnabled, DateTimeOffset? LockoutEnd, bool MustChangePassword, string? Role);
}
