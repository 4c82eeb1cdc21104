using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CatalogAdmin.Web.Security;

/// <summary>Limits on sign-in attempts (configuration section <c>SignIn:RateLimit</c>); the defaults are production's.</summary>
public sealed class SignInRateLimitOptions
{
    /// <summary>Sign-in attempts one client address may make per <see cref="PerAddressWindow"/>.</summary>
    public int PerAddressPermitLimit { get; set; } = 5;

    public TimeSpan PerAddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts for one account name, from all addresses together, per <see cref="PerAccountWindow"/>.</summary>
    public int PerAccountPermitLimit { get; set; } = 10;

    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// ASP.NET Core's rate limiter on the sign-in form's POST to /Account/Login, per client address (after trusted
/// proxies' forwarded headers) and per account name: a refused attempt gets HTTP 429 and a page that says to wait.
/// Other requests are not limited. The limiter sees the form's POST as an ordinary request (the page renders
/// statically), so the account name is read from the form before the limiter runs.
/// </summary>
internal static class SignInRateLimits
{
    public const string TooManyTitle = "Too many sign-in attempts";

    private const string AccountItem = "CatalogAdmin.SignInAccount";
    private const int MaxAccountLength = 256;

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInRateLimitOptions>(configuration.GetSection("SignIn:RateLimit"));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<SignInRateLimitOptions>>((options, limits) =>
        {
            options.GlobalLimiter = CreateLimiter(limits.Value);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    public static IApplicationBuilder UseSignInRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignIn(context) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted); // buffered: the page reads it again
                SetAccount(context, form["Input.Email"].ToString());
            }

            await next();
        });
        return app.UseRateLimiter();
    }

    /// <summary>The account name a sign-in attempt is for, as the per-account limit sees it.</summary>
    public static void SetAccount(HttpContext context, string account)
    {
        account = account.Trim();
        context.Items[AccountItem] = account.Length > MaxAccountLength ? account[..MaxAccountLength] : account;
    }

    /// <summary>Two limits in a chain; an attempt must pass both.</summary>
    public static PartitionedRateLimiter<HttpContext> CreateLimiter(SignInRateLimitOptions limits) =>
        PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
                ? RateLimitPartition.GetFixedWindowLimiter($"address {ClientAddress(context)}", _ => Window(limits.PerAddressPermitLimit, limits.PerAddressWindow))
                : RateLimitPartition.GetNoLimiter(string.Empty)),
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context) && context.Items[AccountItem] is string { Length: > 0 } account
                ? RateLimitPartition.GetFixedWindowLimiter($"account {account.ToUpperInvariant()}", _ => Window(limits.PerAccountPermitLimit, limits.PerAccountWindow))
                : RateLimitPartition.GetNoLimiter(string.Empty)));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase);

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimits).FullName!)
            .LogWarning("Sign-in refused by the rate limit for {Account} from {ClientAddress}", context.Items[AccountItem] as string ?? "", ClientAddress(context));
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        var when = seconds <= 60 ? "a minute" : $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1.0" />
                <title>{{TooManyTitle}} · CatalogAdmin</title>
                <link rel="stylesheet" href="/app.css" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
            </head>
            <body style="margin:0">
                <div class="account-shell">
                    <div class="account-brand">CatalogAdmin</div>
                    <div class="account-card" style="background:#fff;padding:24px;border-radius:4px;box-shadow:0 1px 3px rgba(0,0,0,.2)">
                        <h1 class="account-title">{{TooManyTitle}}</h1>
                        <p class="account-error" role="alert">There were too many sign-in attempts from your address or for this account. Wait {{when}}, then try again.</p>
                        <p><a href="/Account/Login">Back to sign in</a></p>
                    </div>
                </div>
            </body>
            </html>
            """, cancellationToken);
    }
}
