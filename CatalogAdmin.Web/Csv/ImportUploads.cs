using System.Collections.Concurrent;
using CatalogAdmin.Core.Import;

namespace CatalogAdmin.Web.Csv;

/// <summary>
/// Files chosen on the import page, kept in a temporary folder of this app run between the preview and the apply (both
/// read the same file), and for "Download errors". Each belongs to the account that uploaded it; the page discards it
/// when it closes, and anything left goes after <see cref="MaxAge"/> or when the app stops.
/// </summary>
public sealed class ImportUploads : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(2);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "catalogadmin-imports", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<Guid, ImportUpload> _uploads = new();
    private readonly TimeProvider _clock;

    public ImportUploads(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Copies the browser's file into a file of its own; the caller has checked the size the browser gave.</summary>
    public async Task<ImportUpload> SaveAsync(Stream content, string fileName, string ownerId, CancellationToken cancellationToken)
    {
        DiscardExpired();
        Directory.CreateDirectory(_folder);
        var upload = new ImportUpload(Guid.NewGuid(), ownerId, Path.GetFileName(fileName), Path.Combine(_folder, $"{Guid.NewGuid():N}.csv"), _clock.GetUtcNow());
        try
        {
            await using var file = new FileStream(upload.FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            File.Delete(upload.FilePath);
            throw;
        }

        _uploads[upload.Id] = upload;
        return upload;
    }

    /// <summary>The upload, if it exists and belongs to <paramref name="ownerId"/>.</summary>
    public ImportUpload? Find(Guid id, string? ownerId) =>
        _uploads.TryGetValue(id, out var upload) && upload.OwnerId == ownerId ? upload : null;

    public void Discard(Guid id)
    {
        if (_uploads.TryRemove(id, out var upload))
        {
            File.Delete(upload.FilePath);
        }
    }

    public void Dispose()
    {
        foreach (var id in _uploads.Keys)
        {
            Discard(id);
        }
    }

    private void DiscardExpired()
    {
        foreach (var upload in _uploads.Values.Where(u => _clock.GetUtcNow() - u.UploadedAt > MaxAge))
        {
            Discard(upload.Id);
        }
    }
}

/// <summary>One uploaded import file. <see cref="Errors"/> are its preview's, for "Download errors".</summary>
public sealed record ImportUpload(Guid Id, string OwnerId, string FileName, string FilePath, DateTimeOffset UploadedAt)
{
    public IReadOnlyList<ImportError> Errors { get; set; } = [];

    public FileStream Open() => new(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
}
