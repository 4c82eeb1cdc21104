using System.Net;
using System.Text.Json;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Staff;
using CatalogAdmin.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>
/// The real app as deployed behind a reverse proxy on this machine (127.0.0.1 listed in ReverseProxy:KnownProxies),
/// with the production sign-in limits and the load endpoints on. Plain HTTP: each test names its own client address
/// in X-Forwarded-For, as the proxy would, so the per-address limits of one test do not touch another's.
/// </summary>
[Collection(EndToEndCollection.Name)] // one app process at a time: started beside the browser tests, both would be slow
public sealed class ProxiedAppTests(ProxiedAppTests.ProxiedApp app) : IClassFixture<ProxiedAppTests.ProxiedApp>
{
    private const string AdminEmail = "proxied-admin@example.com";
    private const string AdminPassword = "Proxied-Admin-Passphrase";

    [Fact]
    public async Task The_sixth_rapid_sign_in_from_one_address_is_refused_with_a_page_that_says_to_wait()
    {
        using var http = HttpSignIn.NewClient(app.App.BaseAddress);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            last?.Dispose();
            last = await HttpSignIn.PostAsync(http, $"guess{attempt}@example.com", "Not-a-real-passphrase", From("198.51.100.66"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses); // 5 failures shown, then refused
        var page = await last!.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Too many sign-in attempts", page, StringComparison.Ordinal);
        Assert.Contains("Wait a minute, then try again", page, StringComparison.Ordinal);
        Assert.True(last.Headers.RetryAfter is not null);
        last.Dispose();

        using var other = await HttpSignIn.PostAsync(http, "guess7@example.com", "Not-a-real-passphrase", From("198.51.100.67"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode); // another address is not held back
    }

    [Fact]
    public async Task Over_https_through_the_proxy_the_auth_cookie_is_secure_and_host_prefixed_and_hsts_is_sent_for_a_year()
    {
        using var http = HttpSignIn.NewClient(app.App.BaseAddress);
        using var response = await HttpSignIn.PostAsync(http, AdminEmail, AdminPassword, request =>
        {
            From("203.0.113.20")(request);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Host = "catalog.example.test"; // HSTS is never sent to localhost
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("CatalogAdmin.Auth=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-CatalogAdmin.Auth=", cookie, StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Over_plain_http_the_cookie_has_no_prefix_and_no_hsts_is_sent()
    {
        using var http = HttpSignIn.NewClient(app.App.BaseAddress);
        using var response = await HttpSignIn.PostAsync(http, AdminEmail, AdminPassword, request =>
        {
            From("203.0.113.21")(request);
            request.Headers.Host = "catalog.example.test";
        });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("CatalogAdmin.Auth=", StringComparison.Ordinal));
        Assert.StartsWith("CatalogAdmin.Auth=", cookie, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_load_endpoints_answer_only_a_signed_in_admin_straight_from_this_machine()
    {
        using var anonymous = HttpSignIn.NewClient(app.App.BaseAddress);
        using var refusedAnonymous = await anonymous.GetAsync("diagnostics/timings", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, refusedAnonymous.StatusCode);

        using var viewer = await HttpSignIn.SignedInClientAsync(app.App.BaseAddress, ProxiedApp.ViewerEmail, AdminPassword);
        using var refusedViewer = await viewer.GetAsync("diagnostics/timings", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, refusedViewer.StatusCode);

        using var admin = await HttpSignIn.SignedInClientAsync(app.App.BaseAddress, AdminEmail, AdminPassword);
        using var answered = await admin.GetAsync("diagnostics/timings", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        using (var timings = JsonDocument.Parse(await answered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Equal(JsonValueKind.Array, timings.RootElement.ValueKind);
        }

        // Through the proxy (which forwards the visitor's address, and the visitor may claim to be 127.0.0.1 itself):
        // the connection is loopback, but the request is not from this machine.
        foreach (var claimed in new[] { "203.0.113.30", "127.0.0.1" })
        {
            using var forwarded = new HttpRequestMessage(HttpMethod.Get, "diagnostics/timings");
            From(claimed)(forwarded);
            using var refused = await admin.SendAsync(forwarded, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    private static Action<HttpRequestMessage> From(string clientAddress) => request => request.Headers.Add("X-Forwarded-For", clientAddress);

    /// <summary>The app behind a (pretend) proxy on this machine, with an Admin and a Viewer.</summary>
    public sealed class ProxiedApp : IAsyncLifetime
    {
        public const string ViewerEmail = "proxied-viewer@example.com";
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "catalogadmin-proxied", Guid.NewGuid().ToString("N"));

        public AppProcess App { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Directory.CreateDirectory(_folder);
            App = await AppProcess.StartAsync(Path.Combine(_folder, "catalog.db"), seedDemoData: false, environment: new Dictionary<string, string>
            {
                ["CatalogAdmin__Admin__Email"] = AdminEmail,
                ["CatalogAdmin__Admin__Password"] = AdminPassword,
                ["ReverseProxy__KnownProxies__0"] = "127.0.0.1",
                ["Diagnostics__LoadEndpoints"] = "true",
            });
            await CreateViewerAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        /// <summary>Straight into the staff store, as the app's own code would: the Staff page is tested elsewhere.</summary>
        private async Task CreateViewerAsync()
        {
            var services = new ServiceCollection().AddLogging();
            services.AddStaffIdentity($"Data Source={Path.Combine(_folder, "catalog.db")}");
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IStaffDirectory>()
                .CreateAsync(ViewerEmail, "Proxied viewer", Roles.Viewer, AdminPassword, mustChangePassword: false, TestContext.Current.CancellationToken);
        }
    }
}
