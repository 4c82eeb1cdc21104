namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>
/// Finds the system Chromium the end-to-end tests drive: $CATALOGADMIN_CHROMIUM, else /usr/bin/chromium.
/// In CI (CI=true) a missing browser is a failure; on a developer's machine the tests are skipped with the reason.
/// </summary>
public static class Chromium
{
    public static readonly string[] LaunchArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static string? ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CATALOGADMIN_CHROMIUM");
            var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
            return File.Exists(path) ? path : null;
        }
    }

    public static string MissingReason =>
        "No Chromium found at $CATALOGADMIN_CHROMIUM or /usr/bin/chromium (install it with `apt-get install -y chromium`).";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
