namespace CatalogAdmin.Core.Products;

/// <summary>
/// An import, bulk action or quick-edit save that has been undone. Written in the undo's own transaction, so a batch is
/// undone once whatever becomes of the notifications that follow (the activity entry among them), and two undos sent
/// at the same moment cannot both run.
/// </summary>
public sealed class UndoneBatch
{
    // For EF Core, which sets the properties from the stored row.
    private UndoneBatch()
    {
    }

    public UndoneBatch(Guid batchId, string? undoneBy, DateTimeOffset undoneAt)
    {
        BatchId = batchId;
        UndoneBy = undoneBy;
        UndoneAt = undoneAt;
    }

    /// <summary>The undone batch's id, as its history entries and activity entry carry it.</summary>
    public Guid BatchId { get; private set; }

    /// <summary>Who undid it: their sign-in name.</summary>
    public string? UndoneBy { get; private set; }

    public DateTimeOffset UndoneAt { get; private set; }
}
