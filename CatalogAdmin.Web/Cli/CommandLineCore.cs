using CatalogAdmin.Core;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Staff;

namespace CatalogAdmin.Web.Cli;

/// <summary>
/// Core for the command-line tasks (import, export): the same requests, handlers and checks as the app, sent by the
/// person at the console. Whoever can run the app against its database file can already change anything in it, so
/// the console acts as an Admin, named in logs and notifications as "command line (user)".
/// </summary>
internal static class CommandLineCore
{
    public static ServiceProvider Create(CatalogDatabaseSettings database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICurrentUser, ConsoleOperator>();
        services.AddSingleton<IStaffDirectory, ConsoleOperatorDirectory>();
        services.AddCatalogCore(database); // keeps the user and directory above (it only adds its own when none is)
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class ConsoleOperator : ICurrentUser
    {
        public const string AccountId = "command-line";

        public bool IsAuthenticated => true;

        public string? Id => AccountId;

        public string? Name => $"command line ({Environment.UserName})";

        public bool IsInRole(string role) => role == Roles.Admin;
    }

    /// <summary>Answers the check before every command for the console's operator alone; it manages no accounts.</summary>
    private sealed class ConsoleOperatorDirectory : IStaffDirectory
    {
        public Task<StaffAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult(userId == ConsoleOperator.AccountId ? new StaffAccess(Roles.Admin, IsActive: true) : null);

        public Task<IReadOnlyList<StaffMemberDto>> ListAsync(CancellationToken cancellationToken) => throw NotHere();

        public Task<StaffMemberDto?> FindAsync(string userId, CancellationToken cancellationToken) => throw NotHere();

        public Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken) => throw NotHere();

        public Task<string> CreateAsync(string email, string displayName, string role, string password, bool mustChangePassword, CancellationToken cancellationToken) =>
            throw NotHere();

        public Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

        public Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken) => throw NotHere();

        public Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken) => throw NotHere();

        public Task SetPasswordAsync(string userId, string password, bool mustChangePassword, CancellationToken cancellationToken) => throw NotHere();

        public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) => throw NotHere();

        public Task InWriteTransactionAsync(Func<IStaffDirectory, Task> change, CancellationToken cancellationToken) => throw NotHere();

        private static NotSupportedException NotHere() => new("Staff accounts are managed in the app, not from the command line.");
    }
}
