using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CatalogAdmin.Core.Persistence;

/// <summary>
/// Writes the tracked, modified entities of one type with one <c>UPDATE … FROM (VALUES (…), (…), …)</c> statement per
/// many rows that changed the same properties, where SaveChanges sends one UPDATE per entity. Each row's key and
/// the original values of its concurrency tokens are checked, as SaveChanges checks them. Only the modified columns are
/// set, so a trigger on a column (<c>AFTER UPDATE OF …</c>) fires exactly when SaveChanges would have fired it. Values
/// go through each property's type mapping and converter, as SaveChanges writes them (<see cref="SqlRowValues"/>).
/// The written entities are left Unchanged. It runs inside the caller's transaction, which rolls back if it throws.
/// <para>
/// Why: a bulk price change of 100,000 products spent most of its time in SaveChanges, building, sending and reading
/// back one statement per product (docs/performance.md, "Bulk actions").
/// </para>
/// <para>
/// On SQLite the statement is <c>UPDATE OR FAIL</c>. A plain UPDATE inside a transaction keeps a statement journal, a
/// copy of every page it changes, so that a constraint failure can undo just that statement. An UPDATE of 200 products
/// changes about 1,000 pages of the table and its indexes, so the copies took 2.6 s of the 6 s the UPDATEs of a price
/// change of 100,000 products took. With OR FAIL a failure stops the statement and leaves its earlier rows; the
/// exception then rolls back the caller's whole transaction, so nothing of it is kept either way.
/// </para>
/// </summary>
public static class MultiRowUpdate
{
    /// <exception cref="DbUpdateConcurrencyException">A row's key or concurrency token no longer matches: it changed or went since it was read.</exception>
    /// <exception cref="InvalidOperationException">No transaction is open: a failed statement would leave the rows it wrote before it failed.</exception>
    public static async Task UpdateModifiedAsync<TEntity>(this DbContext db, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Rows are updated many to a statement: begin a transaction first, so a failure rolls all of them back.");
        }

        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        var groups = db.ChangeTracker.Entries<TEntity>()
            .Where(entry => entry.State == EntityState.Modified)
            .GroupBy(entry => string.Join(',', ModifiedProperties(entry).Select(p => p.Name)))
            .ToList();
        if (groups.Count == 0)
        {
            return;
        }

        var (entityType, table) = SqlRowValues.TableOf<TEntity>(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var checkedProperties = entityType.FindPrimaryKey()!.Properties
            .Concat(entityType.GetProperties().Where(p => p.IsConcurrencyToken && !p.IsPrimaryKey()))
            .ToList();
        if (checkedProperties.Any(p => p.IsNullable))
        {
            throw new NotSupportedException($"{entityType.DisplayName()} has a key or concurrency token that can be null, which = cannot match.");
        }

        var update = UpdateVerb(db.Database);
        await using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
        foreach (var group in groups)
        {
            var modified = ModifiedProperties(group.First()).ToList();

            // VALUES' columns are named column1, column2, … on SQLite and on PostgreSQL alike: first the checked
            // properties (key, then concurrency tokens at their original values), then the new values.
            var set = string.Join(", ", modified.Select((p, i) =>
                $"{sql.DelimitIdentifier(p.GetColumnName(table)!)} = v.column{checkedProperties.Count + i + 1}"));
            var where = string.Join(" AND ", checkedProperties.Select((p, i) =>
                $"{tableName}.{sql.DelimitIdentifier(p.GetColumnName(table)!)} = v.column{i + 1}"));
            var rows = group.ToList();
            for (var next = 0; next < rows.Count;)
            {
                var text = new StringBuilder($"{update} {tableName} SET {set} FROM (VALUES ");
                var values = new SqlRowValues(db, parameterFactory, checkedProperties.Concat(modified));
                var first = next;
                for (; next < rows.Count && values.HasRoomForRow; next++)
                {
                    var entry = rows[next];
                    var typed = next == first;
                    values.BeginRow(text);
                    for (var i = 0; i < checkedProperties.Count; i++)
                    {
                        values.Append(i == 0 ? text : text.Append(", "), checkedProperties[i], entry.OriginalValues[checkedProperties[i]], typed);
                    }

                    foreach (var property in modified)
                    {
                        values.Append(text.Append(", "), property, entry.CurrentValues[property], typed);
                    }

                    text.Append(')');
                }

                text.Append($") AS v WHERE {where}");
                var written = await db.Database.ExecuteSqlRawAsync(text.ToString(), values.Parameters, cancellationToken);
                if (written != values.Rows)
                {
                    throw new DbUpdateConcurrencyException(
                        $"{values.Rows - written} of {values.Rows} {entityType.DisplayName()} rows changed or went since they were read.");
                }

                foreach (var entry in rows[first..next])
                {
                    entry.State = EntityState.Unchanged; // what is stored now is what it holds
                }
            }
        }
    }

    /// <summary>
    /// "UPDATE OR FAIL" on SQLite, which keeps no statement journal (see above), "UPDATE" elsewhere. Only for a
    /// statement inside a transaction that rolls back when it fails.
    /// </summary>
    internal static string UpdateVerb(DatabaseFacade database) => database.IsSqlite() ? "UPDATE OR FAIL" : "UPDATE";

    private static IEnumerable<IProperty> ModifiedProperties(EntityEntry entry) =>
        entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata).OrderBy(p => p.Name, StringComparer.Ordinal);
}
