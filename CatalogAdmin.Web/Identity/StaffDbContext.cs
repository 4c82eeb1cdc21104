using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CatalogAdmin.Web.Identity;

/// <summary>
/// ASP.NET Core Identity's tables, in the catalog's SQLite file, with migrations of their own
/// (history in "__StaffMigrationsHistory", apart from the catalog's). Core never sees them.
/// </summary>
public sealed class StaffDbContext(DbContextOptions<StaffDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    public const string MigrationsHistoryTable = "__StaffMigrationsHistory";
}

/// <summary>Lets `dotnet ef migrations add --context StaffDbContext` build the model without starting the app.</summary>
internal sealed class StaffDbContextDesignTimeFactory : IDesignTimeDbContextFactory<StaffDbContext>
{
    public StaffDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<StaffDbContext>()
        .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(StaffDbContext.MigrationsHistoryTable))
        .Options);
}
