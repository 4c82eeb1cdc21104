using System.Collections.Frozen;
using System.Security.Claims;

namespace CatalogAdmin.Core;

/// <summary>
/// What a member of staff may do. Every request declares the one it needs with <see cref="RequiresPermissionAttribute"/>,
/// and pages ask the same question (<see cref="Permissions.Allows(ClaimsPrincipal, Permission)"/>, or the authorization
/// policy of the same name), so which role may do what is written only in <see cref="Permissions"/>.
/// </summary>
public enum Permission
{
    /// <summary>Read products, categories and the activity log.</summary>
    ViewCatalog,

    /// <summary>Create, change and delete products (to the trash), and restore them from it.</summary>
    EditProducts,

    /// <summary>Delete products from the trash permanently.</summary>
    PurgeProducts,

    /// <summary>Create, rename and delete categories.</summary>
    ManageCategories,

    /// <summary>Create staff accounts, change their roles, lock them, reset their passwords.</summary>
    ManageStaff,
}

/// <summary>The role rules, in one place.</summary>
public static class Permissions
{
    private static readonly FrozenDictionary<Permission, string[]> RolesByPermission = new Dictionary<Permission, string[]>
    {
        [Permission.ViewCatalog] = [Roles.Viewer, Roles.Editor, Roles.Admin],
        [Permission.EditProducts] = [Roles.Editor, Roles.Admin],
        [Permission.PurgeProducts] = [Roles.Admin],
        [Permission.ManageCategories] = [Roles.Editor, Roles.Admin],
        [Permission.ManageStaff] = [Roles.Admin],
    }.ToFrozenDictionary();

    /// <summary>The roles that have the permission, the least powerful first.</summary>
    public static IReadOnlyList<string> RolesFor(Permission permission) => RolesByPermission[permission];

    public static bool RoleAllows(string role, Permission permission) => RolesByPermission[permission].Contains(role);

    public static bool Allows(this ICurrentUser user, Permission permission) =>
        user.IsAuthenticated && RolesByPermission[permission].Any(user.IsInRole);

    public static bool Allows(ClaimsPrincipal user, Permission permission) =>
        user.Identity?.IsAuthenticated == true && RolesByPermission[permission].Any(user.IsInRole);

    /// <summary>Why a user without the permission is refused, naming the roles that have it.</summary>
    public static string NotAllowedMessage(Permission permission) =>
        $"Your role does not allow this. It needs: {string.Join(" or ", RolesFor(permission))}.";
}

/// <summary>
/// The permission a request needs. Every request declares one: a request without it is refused (deny by default).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}
