using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Import;

/// <summary>
/// Applies an import file that <paramref name="Preview"/> previewed: its valid rows in one transaction (which holds the
/// database's write lock from the start, so what it checks still holds when it writes). A row whose product changed
/// since the preview (or whose SKU was taken or freed since) is not written: it is reported as a conflict. Rows with
/// errors are left out. One <see cref="ProductsImportedNotification"/> follows.
/// </summary>
/// <param name="Content">The same file as previewed (seekable).</param>
/// <param name="Progress">Told after each chunk of products written.</param>
[RequiresPermission(Permission.EditProducts)]
public sealed record ApplyProductImportCommand(Stream Content, ImportPreview Preview, IProgress<ImportProgress>? Progress = null)
    : IRequest<ImportResult>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new("Import", Preview.ImportId);
}

public readonly record struct ImportProgress(int Done, int Total);

/// <summary>A row the import did not write because its product changed after the preview.</summary>
public sealed record ImportConflict(int Row, string Sku, string Message);

public sealed record ImportResult(
    Guid ImportId,
    int Created,
    int Updated,
    int Unchanged,
    int RowsWithErrors,
    IReadOnlyList<ImportConflict> Conflicts,
    IReadOnlyList<string> CategoriesCreated)
{
    public int Written => Created + Updated;
}

internal sealed class ApplyProductImportHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<ApplyProductImportCommand, ImportResult>
{
    private const int Chunk = 1_000;

    public async Task<ImportResult> Handle(ApplyProductImportCommand request, CancellationToken cancellationToken)
    {
        var table = await ImportFileReader.ReadAsync(request.Content, cancellationToken);
        var now = clock.GetUtcNow();
        var basis = request.Preview.Basis;
        var importId = request.Preview.ImportId;
        var role = ProductHistory.RoleOf(user);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteTransactionAsync(CatalogWriteLock.SqliteImportCacheKiB, cancellationToken);
        var plan = await ImportPlan.CreateAsync(db, table, cancellationToken);

        var conflicts = new List<ImportConflict>();
        var creates = plan.Creates.Where(row => Fits(row, basis, conflicts)).ToList();
        var updates = plan.Updates.Where(row => Fits(row, basis, conflicts)).ToList();
        foreach (var (sku, version) in plan.Unchanged)
        {
            // Unchanged now, but changed since the preview: nothing to write either way, still worth saying.
            if (basis.TryGetValue(sku, out var seen) && seen != version)
            {
                conflicts.Add(new ImportConflict(0, sku, $"{sku} was changed by someone else after the preview; it now has the file's values."));
            }
        }

        var categoriesCreated = await CreateCategoriesAsync(db, plan, creates.Concat(updates), now, cancellationToken);
        var total = creates.Count + updates.Count;
        var done = 0;
        foreach (var chunk in updates.Chunk(Chunk))
        {
            var ids = chunk.Select(row => row.Existing!.Id).ToList();
            var products = await db.Products.Where(p => EF.Parameter(ids).Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken); // one parameter: see BulkUpdate
            foreach (var row in chunk)
            {
                var product = products[row.Existing!.Id];
                var before = product.Fields;
                product.Update(WithCategory(row, plan), now);
                ProductHistory.Record(db, product, before, ProductHistoryKind.Updated, ChangeSource.Import, user.Name, now, importId, role);
            }

            done = await SaveChunkAsync(db, done, chunk.Length, total, request.Progress, cancellationToken);
        }

        foreach (var chunk in creates.Chunk(Chunk))
        {
            // In one statement, not one per product: MultiRowInsert says why.
            var products = chunk.Select(row => new Product(WithCategory(row, plan), now)).ToList();
            await db.InsertAllAsync(products, cancellationToken);
            foreach (var product in products)
            {
                ProductHistory.Record(db, product, null, ProductHistoryKind.Created, ChangeSource.Import, user.Name, now, importId, role);
            }

            done = await SaveChunkAsync(db, done, chunk.Length, total, request.Progress, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        conflicts.Sort((a, b) => a.Row.CompareTo(b.Row));
        var result = new ImportResult(importId, creates.Count, updates.Count, plan.Unchanged.Count, plan.RowsWithErrors.Count, conflicts, categoriesCreated);
        if (result.Written > 0)
        {
            // Saved: from here on nothing may report failure to the caller.
            await publisher.Publish(
                new ProductsImportedNotification(importId, result.Created, result.Updated, result.Unchanged, result.RowsWithErrors, conflicts.Count, now)
                { ImportedBy = user.Name },
                CancellationToken.None);
        }

        return result;
    }

    /// <summary>Whether the row's product is as the preview saw it; otherwise a conflict is added and the row is left out.</summary>
    private static bool Fits(PlannedRow row, IReadOnlyDictionary<string, long> basis, List<ImportConflict> conflicts)
    {
        var now = row.Existing?.Version ?? 0;
        if (!basis.TryGetValue(row.Sku, out var seen))
        {
            conflicts.Add(new ImportConflict(row.Row, row.Sku, $"{row.Sku} was not in the preview (the row had an error then); preview the file again."));
            return false;
        }

        if (seen == now)
        {
            return true;
        }

        conflicts.Add(new ImportConflict(row.Row, row.Sku, (seen, now) switch
        {
            (0, _) => $"A product with SKU {row.Sku} was created after the preview; it was not overwritten.",
            (_, 0) => $"The product with SKU {row.Sku} was deleted after the preview; it was not created again.",
            _ => $"The product with SKU {row.Sku} was changed by someone else after the preview; it was not overwritten.",
        }));
        return false;
    }

    private static async Task<List<string>> CreateCategoriesAsync(
        CatalogDbContext db, ImportPlan plan, IEnumerable<PlannedRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        foreach (var name in rows.Select(row => row.CategoryName).OfType<string>())
        {
            var key = CategoryRules.Key(name);
            if (plan.CategoryIds.ContainsKey(key))
            {
                continue;
            }

            var category = new Category(plan.NewCategories.GetValueOrDefault(key, name), now);
            db.Categories.Add(category);
            plan.CategoryIds[key] = category.Id;
            created.Add(category.Name);
        }

        if (created.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return created;
    }

    private static ProductFields WithCategory(PlannedRow row, ImportPlan plan) =>
        row.Fields with { CategoryId = row.CategoryName is { } name ? plan.CategoryIds[CategoryRules.Key(name)] : null };

    private static async Task<int> SaveChunkAsync(
        CatalogDbContext db, int done, int count, int total, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await db.SaveChunkAsync(cancellationToken); // and stops tracking them: a hundred thousand would hold hundreds of megabytes
        done += count;
        progress?.Report(new ImportProgress(done, total));
        return done;
    }
}
