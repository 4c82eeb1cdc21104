using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CatalogAdmin.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server for the test run, from the Debian packages ($CATALOGADMIN_POSTGRES_BIN, else
/// /usr/lib/postgresql/15/bin): initdb into a temporary folder, pg_ctl on a free loopback port, started when a test
/// first needs it and stopped (the folder deleted) when the run ends. PostgreSQL refuses to run as root, so as root
/// both run as the postgres user (runuser) in a folder it owns. Durability is off (fsync): the data is thrown away.
/// Missing binaries fail the test under CI=true and skip it, with the reason, on a developer's machine.
/// </summary>
public sealed class PostgreSqlServer
{
    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(StartAsync);

    private readonly string _folder;

    private PostgreSqlServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static string BinFolder =>
        Environment.GetEnvironmentVariable("CATALOGADMIN_POSTGRES_BIN") is { Length: > 0 } configured ? configured : "/usr/lib/postgresql/15/bin";

    public static string? Unavailable => File.Exists(Path.Combine(BinFolder, "pg_ctl")) && File.Exists(Path.Combine(BinFolder, "initdb"))
        ? null
        : $"No PostgreSQL found in {BinFolder} (install it with `apt-get install -y postgresql`, or set CATALOGADMIN_POSTGRES_BIN).";

    /// <summary>The run's server, started on first use; fails (CI) or skips the calling test when PostgreSQL is missing.</summary>
    public static async Task<PostgreSqlServer> RequireAsync()
    {
        if (Unavailable is { } reason)
        {
            if (IsCi)
            {
                Assert.Fail($"PostgreSQL tests need a server in CI: {reason}");
            }

            Assert.Skip(reason);
        }

        return await Shared.Value;
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Include Error Detail=true;Maximum Pool Size=50";

    /// <summary>Creates an empty database of its own and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgreSqlServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"catalogadmin-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        var port = FreePort();
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(BinFolder, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        await RunAsync(Path.Combine(BinFolder, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start",
        ], asRoot);

        var server = new PostgreSqlServer(folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    private void Stop(bool asRoot)
    {
        try
        {
            RunAsync(Path.Combine(BinFolder, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], asRoot).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var part in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        // pg_ctl's server keeps the output pipes open: read them only until the command itself exits.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }
    }
}
