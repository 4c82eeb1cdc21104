using System.Net;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Identity;
using CatalogAdmin.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CatalogAdmin.Tests.Security;

/// <summary>Settings that bound what an attacker gets: the cookie stamp check, the key ring's permissions, sign-in limits, load samples.</summary>
public sealed class HardeningTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "catalogadmin-hardening", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_cookies_security_stamp_is_checked_at_least_every_minute()
    {
        using var services = StaffServices();

        Assert.True(services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_key_ring_folder_is_the_owners_alone_and_so_are_its_key_files()
    {
        var keys = Path.Combine(_folder, "keys");
        Directory.CreateDirectory(keys);
        File.SetUnixFileMode(keys, (UnixFileMode)0b111_111_111); // as an earlier version may have left it: 0777
        using var services = StaffServices();

        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret"); // makes a key

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        var files = Directory.GetFiles(keys, "*.xml");
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
    }

    [Fact]
    public void With_a_certificate_configured_the_keys_are_encrypted_at_rest()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=CatalogAdmin key ring", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Directory.CreateDirectory(_folder);
        var pfx = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-password"));
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "pfx-password",
        }).Build();
        using var services = StaffServices(configuration);

        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");

        var key = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(_folder, "keys"), "*.xml")));
        Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key, StringComparison.Ordinal); // the master key is not there in the clear
    }

    [Fact]
    public void The_sixth_rapid_sign_in_from_one_address_is_refused_and_another_address_is_not()
    {
        using var limiter = SignInRateLimits.CreateLimiter(new SignInRateLimitOptions());

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.True(limiter.AttemptAcquire(SignIn("198.51.100.7", $"user{attempt}@example.com")).IsAcquired, $"attempt {attempt}");
        }

        Assert.False(limiter.AttemptAcquire(SignIn("198.51.100.7", "user6@example.com")).IsAcquired);
        Assert.True(limiter.AttemptAcquire(SignIn("198.51.100.8", "user6@example.com")).IsAcquired);
        Assert.True(limiter.AttemptAcquire(Page("198.51.100.7")).IsAcquired); // only the sign-in POST is limited
    }

    [Fact]
    public void One_account_name_is_limited_across_addresses()
    {
        var limits = new SignInRateLimitOptions();
        using var limiter = SignInRateLimits.CreateLimiter(limits);

        for (var attempt = 0; attempt < limits.PerAccountPermitLimit; attempt++)
        {
            Assert.True(limiter.AttemptAcquire(SignIn($"203.0.113.{attempt}", "admin@example.com")).IsAcquired);
        }

        Assert.False(limiter.AttemptAcquire(SignIn("203.0.113.200", "ADMIN@example.com")).IsAcquired); // case does not reset it
        Assert.True(limiter.AttemptAcquire(SignIn("203.0.113.201", "someone.else@example.com")).IsAcquired);
    }

    [Fact]
    public void The_load_timings_hold_a_bounded_number_of_samples()
    {
        using var recorder = new LoadDiagnostics.TimingRecorder();

        for (var i = 0; i < LoadDiagnostics.TimingRecorder.MaxSamplesPerSeries + 5_000; i++)
        {
            recorder.Record("one series", i);
        }

        for (var series = 0; series < LoadDiagnostics.TimingRecorder.MaxSeries + 50; series++)
        {
            recorder.Record($"series {series}", 1);
        }

        // The recorder also hears the app's meters, which tests running beside this one may feed: their series count
        // toward the bounds, so this test's own series are checked one by one, and the whole against the bounds.
        Assert.True(recorder.HeldSamples <= LoadDiagnostics.TimingRecorder.MaxSeries * LoadDiagnostics.TimingRecorder.MaxSamplesPerSeries);
        var summary = recorder.TakeSummary().ToList();
        Assert.True(summary.Count <= LoadDiagnostics.TimingRecorder.MaxSeries);
        var one = summary.Single(s => s.Name == "one series");
        Assert.Equal((LoadDiagnostics.TimingRecorder.MaxSamplesPerSeries, 5_000L), (one.Count, one.Dropped));
        Assert.All(summary.Where(s => s.Name.StartsWith("series ", StringComparison.Ordinal)), s => Assert.Equal(1, s.Count));
        Assert.True(summary.Count(s => s.Name.StartsWith("series ", StringComparison.Ordinal)) < LoadDiagnostics.TimingRecorder.MaxSeries);
        // A summary starts a new period. (The recorder also hears the app's meters, which tests running beside this one
        // may feed, so only this test's own series is checked.)
        Assert.DoesNotContain(recorder.TakeSummary(), s => s.Name == "one series" || s.Name.StartsWith("series ", StringComparison.Ordinal));
    }

    private ServiceProvider StaffServices(Microsoft.Extensions.Configuration.IConfiguration? configuration = null)
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection().AddLogging();
        services.AddStaffIdentity($"Data Source={Path.Combine(_folder, "catalog.db")}", configuration);
        return services.BuildServiceProvider();
    }

    private static DefaultHttpContext SignIn(string address, string account)
    {
        var context = Page(address);
        context.Request.Method = HttpMethods.Post;
        SignInRateLimits.SetAccount(context, account);
        return context;
    }

    private static DefaultHttpContext Page(string address)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/Account/Login";
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }
}
