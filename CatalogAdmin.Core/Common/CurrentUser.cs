namespace CatalogAdmin.Core;

/// <summary>
/// Who is sending the request. Web registers one built from the circuit's authentication state;
/// tests register their own. Core refuses requests on its basis, whatever the UI showed.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The staff account's id, to check the account itself (not only its claims) before a command.</summary>
    string? Id { get; }

    /// <summary>The sign-in name (an email address), as shown in the activity log.</summary>
    string? Name { get; }

    bool IsInRole(string role);
}

/// <summary>The staff roles. Admin may do everything; Editor changes products; Viewer only reads.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Viewer];
}

/// <summary>The current user may not send this request. Nothing was read or changed.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Used until the host registers its own: nobody is signed in, so every request is refused.</summary>
internal sealed class NobodySignedIn : ICurrentUser
{
    public bool IsAuthenticated => false;

    public string? Id => null;

    public string? Name => null;

    public bool IsInRole(string role) => false;
}
