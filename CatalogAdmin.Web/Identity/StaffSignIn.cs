using Microsoft.AspNetCore.Identity;

namespace CatalogAdmin.Web.Identity;

public enum SignInOutcome
{
    /// <summary>Unknown email, wrong password, locked account: one answer for all, so none can be told apart.</summary>
    Failed,
    SignedIn,
    /// <summary>Signed in with a one-time password: the next stop is Change password, and nothing else works until then.</summary>
    MustChangePassword,
}

/// <summary>
/// Password sign-in that tells an attacker nothing: an unknown email, a wrong password and a locked account get the
/// same answer after the same work (exactly one password-hash check each: a stand-in hash for an unknown email, and a
/// locked account's password is checked before its lock is). A failure never locks an account (that let anyone lock
/// out any Admin); sign-in is rate-limited instead. Failures are logged with the account and the client address,
/// never the password.
/// </summary>
internal sealed class StaffSignIn(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signInManager,
    IPasswordHasher<StaffUser> hasher,
    ILogger<StaffSignIn> logger)
{
    public const string FailureMessage = "The email or password is not right, or the account is locked. If you cannot sign in, ask an Admin.";

    private static readonly StaffUser Nobody = new() { Id = "nobody", UserName = "nobody" };
    private static string? _standInHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, string? clientAddress)
    {
        var account = email.Trim();
        var user = await users.FindByNameAsync(account);
        bool passwordRight;
        if (user is null)
        {
            // The same hashing an existing account costs, so an unknown email answers no faster.
            _standInHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            hasher.VerifyHashedPassword(Nobody, _standInHash, password);
            passwordRight = false;
        }
        else
        {
            passwordRight = await users.CheckPasswordAsync(user, password);
        }

        if (user is null || !passwordRight || await users.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user))
        {
            logger.LogWarning("Sign-in failed for {Account} from {ClientAddress}", account, clientAddress ?? "unknown");
            return SignInOutcome.Failed;
        }

        await signInManager.SignInAsync(user, isPersistent: false);
        logger.LogInformation("Signed in: {Account} from {ClientAddress}", account, clientAddress ?? "unknown");
        return user.MustChangePassword ? SignInOutcome.MustChangePassword : SignInOutcome.SignedIn;
    }
}
