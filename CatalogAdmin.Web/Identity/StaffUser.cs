using Microsoft.AspNetCore.Identity;

namespace CatalogAdmin.Web.Identity;

/// <summary>A staff account. Its user name is its email address.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>
    /// The password was generated (first run, a new account without a chosen password, a reset): its owner must replace
    /// it at the next sign-in and can do nothing else until then.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>How the app names them to colleagues (the activity log, the staff list); their email is for Admins.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(Core.Staff.StaffRules.DisplayNameMaxLength)]
    public string DisplayName { get; set; } = string.Empty;
}
