using CatalogAdmin.Core;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Staff;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CatalogAdmin.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Web.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// Staff sign-in: Identity on SQLite, cookie hardening, password policy, current user for Core, open circuits that
    /// end when their account's access changes.
    /// </summary>
    /// <param name="configuration">Optional <c>DataProtection:CertificatePath</c> (a PFX file) and
    /// <c>DataProtection:CertificatePassword</c>: the key ring is then encrypted at rest with that certificate.</param>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services, string connectionString, IConfiguration? configuration = null) =>
        services.AddStaffIdentity(CatalogDatabaseSettings.Sqlite(connectionString), configuration);

    /// <inheritdoc cref="AddStaffIdentity(IServiceCollection, string, IConfiguration?)"/>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services, CatalogDatabaseSettings database, IConfiguration? configuration = null)
    {
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStaffAuthenticationStateProvider>();
        services.AddScoped<ICurrentUser, CircuitCurrentUser>();
        services.AddScoped<CircuitPresence>();
        services.AddScoped<CircuitHandler, CircuitPresenceTracker>();
        services.AddSingleton<OpenCircuits>();
        services.TryAddSingleton<IStaffSessions>(provider => provider.GetRequiredService<OpenCircuits>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStaffDirectory, IdentityStaffDirectory>();
        services.AddScoped<StaffSignIn>();

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
            // Secure whenever the request is HTTPS (directly, or through a proxy listed in ReverseProxy:KnownProxies),
            // and then named __Host-CatalogAdmin.Auth.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.CookieManager = new HostPrefixedCookieManager();
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
        });
        // A cookie whose account was locked, changed role or got a new password stops working within a minute on
        // plain HTTP requests; circuits are ended at once (OpenCircuits) and check the account as they open.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = StampValidationInterval);
        // One policy per permission, named after it, with the roles Core's Permissions give it: pages ask
        // [Authorize(Policy = nameof(Permission.EditProducts))] and never spell roles themselves.
        services.AddAuthorization(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                options.AddPolicy(permission.ToString(), policy => policy.RequireRole(Permissions.RolesFor(permission)));
            }
        });

        var dataProtection = services.AddDataProtection().SetApplicationName("CatalogAdmin");
        if (configuration?["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet));
        }

        if (database.IsPostgreSql)
        {
            // One key ring in the database for every instance, so a cookie issued by one is accepted by the others.
            services.AddDbContextFactory<StaffDbContext, PostgreSqlStaffDbContextFactory>(options => options.UseNpgsql(
                database.ConnectionString, npgsql => npgsql.MigrationsHistoryTable(StaffDbContext.MigrationsHistoryTable)));
            services.AddScoped(provider => (PostgreSqlStaffDbContext)provider.GetRequiredService<IDbContextFactory<StaffDbContext>>().CreateDbContext());
            dataProtection.PersistKeysToDbContext<PostgreSqlStaffDbContext>();
        }
        else
        {
            // The keys that sign cookies and antiforgery tokens live beside the database, so a restart (or a service
            // account without a home folder) does not sign every member of staff out; only the app's user may read them.
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            var keys = new DirectoryInfo(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "keys"));
            services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((options, loggers) =>
                options.XmlRepository = new OwnerOnlyXmlRepository(keys, loggers));

            // Pooled: the check before every command borrows a context for one query. Identity's stores get a scoped one.
            services.AddPooledDbContextFactory<StaffDbContext>(options => options.UseSqlite(
                database.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(StaffDbContext.MigrationsHistoryTable)));
        }

        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<StaffDbContext>>().CreateDbContext());
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // ASVS 2.1: length, no composition rules, common passwords refused (CommonPasswordValidator).
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // No automatic lockout: it let anyone lock any account by guessing. Sign-in is rate-limited instead
                // (SignInRateLimits); an Admin can still lock an account by hand.
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        return services;
    }

    public const int MinimumPasswordLength = 12;

    public static readonly TimeSpan StampValidationInterval = TimeSpan.FromMinutes(1);

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

        // No fixed default address: an unconfigured first Admin gets a random one, printed with its password.
        var email = configuration["CatalogAdmin:Admin:Email"] is { Length: > 0 } configuredEmail
            ? configuredEmail
            : $"admin-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}@catalogadmin.local";
        var password = configuration["CatalogAdmin:Admin:Password"];
        var generated = string.IsNullOrEmpty(password);
        password = generated ? StaffRules.GeneratePassword() : password!;

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new StaffUser { UserName = email, Email = email, DisplayName = "Admin", EmailConfirmed = true, MustChangePassword = generated };
            EnsureSucceeded(await users.CreateAsync(admin, password), $"create the first Admin account {email}");
        }
        else
        {
            admin.MustChangePassword = generated;
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
            Console.WriteLine("  You will be asked to choose your own password when you sign in.");
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
