using CatalogAdmin.Core.Staff;

namespace CatalogAdmin.Core.Activity;

/// <summary>
/// How the activity log names staff to its reader: by display name, with the email only for a reader who manages
/// staff. The log stores sign-in names (emails); an address no account has any more reads "Unknown account".
/// </summary>
internal sealed class ActivityNames
{
    public const string UnknownAccount = "Unknown account";

    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly bool _showEmails;

    private ActivityNames(IReadOnlyDictionary<string, string> names, bool showEmails)
    {
        _names = names;
        _showEmails = showEmails;
    }

    public static async Task<ActivityNames> LoadAsync(IStaffDirectory staff, ICurrentUser reader, IEnumerable<string?> emails, CancellationToken cancellationToken) =>
        new(await staff.DisplayNamesAsync(emails.OfType<string>().Distinct().ToList(), cancellationToken), reader.Allows(Permission.ManageStaff));

    public StaffMemberName? Of(string? email) => email is null
        ? null
        : email.Contains('@')
            ? new StaffMemberName(_names.GetValueOrDefault(email) ?? UnknownAccount, _showEmails ? email : null)
            : new StaffMemberName(email); // not an account: a background task such as "Trash retention"
}
