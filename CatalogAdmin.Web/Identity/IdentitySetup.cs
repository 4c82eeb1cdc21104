using CatalogAdmin.Core;
using CatalogAdmin.Core.Staff;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Web.Identity;

public static class IdentitySetup
{
    /// <summary>Staff sign-in: Identity on SQLite, cookie hardening, lockout, password policy, current user for Core.</summary>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services, string connectionString)
    {
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStaffAuthenticationStateProvider>();
        services.AddScoped<ICurrentUser, CircuitCurrentUser>();
        services.AddScoped<CircuitPresence>();
        services.AddScoped<CircuitHandler, CircuitPresenceTracker>();
        services.AddSingleton<IStaffDirectory, IdentityStaffDirectory>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "CatalogAdmin.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
        });
        // One policy per permission, named after it, with the roles Core's Permissions give it: pages ask
        // [Authorize(Policy = nameof(Permission.EditProducts))] and never spell roles themselves.
        services.AddAuthorization(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                options.AddPolicy(permission.ToString(), policy => policy.RequireRole(Permissions.RolesFor(permission)));
            }
        });

        // The keys that sign cookies and antiforgery tokens live beside the database, so a restart (or a
        // service account without a home folder) does not sign every member of staff out.
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        services.AddDataProtection()
            .SetApplicationName("CatalogAdmin")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, "keys")));

        services.AddDbContext<StaffDbContext>(options => options.UseSqlite(
            connectionString, sqlite => sqlite.MigrationsHistoryTable(StaffDbContext.MigrationsHistoryTable)));
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        return services;
    }

    /// <summary>
    /// Migrates the Identity tables, creates the roles, and makes sure there is an Admin: from
    /// configuration (CatalogAdmin:Admin:Email and :Password) or, if none is configured, with a random
    /// one-time password printed once to the console. There is no default password.
    /// </summary>
    public static async Task InitializeStaffAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var email = configuration["CatalogAdmin:Admin:Email"] is { Length: > 0 } configuredEmail ? configuredEmail : "admin@catalogadmin.local";
        var password = configuration["CatalogAdmin:Admin:Password"];
        var generated = string.IsNullOrEmpty(password);
        password = generated ? StaffRules.GeneratePassword() : password!;

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
            EnsureSucceeded(await users.CreateAsync(admin, password), $"create the first Admin account {email}");
        }
        else
        {
            await users.RemovePasswordAsync(admin);
            EnsureSucceeded(await users.AddPasswordAsync(admin, password), $"set the password of {email}");
        }

        EnsureSucceeded(await users.AddToRoleAsync(admin, Roles.Admin), $"make {email} an Admin");

        if (generated)
        {
            // Deliberately the console, not the log: logs are kept and shipped; this is shown once.
            Console.WriteLine();
            Console.WriteLine("CatalogAdmin: no Admin account existed, so one was created.");
            Console.WriteLine($"  Sign in as {email} with the one-time password {password}");
            Console.WriteLine("  and change it at once (your name in the top bar > Change password).");
            Console.WriteLine("  To choose these yourself, set CatalogAdmin__Admin__Email and CatalogAdmin__Admin__Password.");
            Console.WriteLine();
        }
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
