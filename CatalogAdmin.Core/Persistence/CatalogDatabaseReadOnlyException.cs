namespace CatalogAdmin.Core.Persistence;

/// <summary>The database file, or the folder that holds it, is marked read-only; nothing was written.</summary>
public sealed class CatalogDatabaseReadOnlyException(string path)
    : IOException($"{path} is marked read-only.")
{
    /// <summary>The file or folder that is read-only.</summary>
    public string Path { get; } = path;
}
