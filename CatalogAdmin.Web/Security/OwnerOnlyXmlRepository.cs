using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CatalogAdmin.Web.Security;

/// <summary>
/// The data-protection key ring in a folder only the app's user can enter (0700), each key file readable only by it
/// (0600). The keys sign and encrypt the auth cookies, antiforgery tokens and password-reset tokens: whoever reads
/// them can forge a sign-in. On Windows the folder's ACL is left as it is.
/// </summary>
internal sealed class OwnerOnlyXmlRepository : FileSystemXmlRepository
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Nothing is created until a key is stored (as the base class does), so a database folder that cannot be
    // written is reported by the start-up check, not by the key ring.
    public OwnerOnlyXmlRepository(DirectoryInfo directory, ILoggerFactory loggerFactory)
        : base(directory, loggerFactory)
    {
    }

    public override IReadOnlyCollection<XElement> GetAllElements()
    {
        if (Directory.Exists)
        {
            CreateOwnerOnly(Directory); // a key ring kept by an earlier version with wider permissions is narrowed
            RestrictFiles(Directory);
        }

        return base.GetAllElements();
    }

    public override void StoreElement(XElement element, string friendlyName)
    {
        CreateOwnerOnly(Directory);
        base.StoreElement(element, friendlyName);
        RestrictFiles(Directory);
    }

    private static void CreateOwnerOnly(DirectoryInfo directory)
    {
        if (OperatingSystem.IsWindows())
        {
            directory.Create();
            return;
        }

        System.IO.Directory.CreateDirectory(directory.FullName, FolderMode);
        File.SetUnixFileMode(directory.FullName, FolderMode); // also when it existed with wider permissions
    }

    private static void RestrictFiles(DirectoryInfo directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in directory.EnumerateFiles("*.xml"))
        {
            File.SetUnixFileMode(file.FullName, FileMode);
        }
    }
}
