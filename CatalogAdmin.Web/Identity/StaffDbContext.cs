using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CatalogAdmin.Web.Identity;

/// <summary>
/// ASP.NET Core Identity's tables, in the catalog's database, with migrations of their own
/// (history in "__StaffMigrationsHistory", apart from the catalog's). Core never sees them.
/// This type is the SQLite one (migrations in Identity/Migrations); <see cref="PostgreSqlStaffDbContext"/> is PostgreSQL's.
/// </summary>
public class StaffDbContext(DbContextOptions<StaffDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    public const string MigrationsHistoryTable = "__StaffMigrationsHistory";
}

/// <summary>
/// Identity's tables on PostgreSQL (migrations in Identity/PostgreSqlMigrations), and the data-protection key ring
/// beside them, so every app instance on the database signs and reads the same cookies and antiforgery tokens.
/// </summary>
public sealed class PostgreSqlStaffDbContext(DbContextOptions<StaffDbContext> options) : StaffDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }
}

/// <summary>Gives everything that asks for a <see cref="StaffDbContext"/> (Identity's stores, the access check) PostgreSQL's.</summary>
internal sealed class PostgreSqlStaffDbContextFactory(DbContextOptions<StaffDbContext> options) : IDbContextFactory<StaffDbContext>
{
    public StaffDbContext CreateDbContext() => new PostgreSqlStaffDbContext(options);
}

/// <summary>Lets `dotnet ef migrations add --context StaffDbContext` build the model without starting the app.</summary>
internal sealed class StaffDbContextDesignTimeFactory : IDesignTimeDbContextFactory<StaffDbContext>
{
    public StaffDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<StaffDbContext>()
        .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(StaffDbContext.MigrationsHistoryTable))
        .Options);
}

/// <summary>
/// Lets `dotnet ef migrations add &lt;Name&gt; --context PostgreSqlStaffDbContext --output-dir Identity/PostgreSqlMigrations`
/// build the model without a server.
/// </summary>
internal sealed class PostgreSqlStaffDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlStaffDbContext>
{
    public PostgreSqlStaffDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<StaffDbContext>()
        .UseNpgsql("Host=localhost;Database=design-time", npgsql => npgsql.MigrationsHistoryTable(StaffDbContext.MigrationsHistoryTable))
        .Options);
}
