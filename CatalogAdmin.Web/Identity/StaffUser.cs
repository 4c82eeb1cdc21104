using Microsoft.AspNetCore.Identity;

namespace CatalogAdmin.Web.Identity;

/// <summary>A staff account. Its user name is its email address.</summary>
public sealed class StaffUser : IdentityUser;
