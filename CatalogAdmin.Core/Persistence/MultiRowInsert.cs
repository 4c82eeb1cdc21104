using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CatalogAdmin.Core.Persistence;

/// <summary>
/// Inserts many new entities with one <c>INSERT … VALUES (…), (…), …</c> statement per many rows (see
/// <see cref="SqlRowValues"/>), where SaveChanges sends one INSERT per entity. Columns, names and values come from the
/// EF Core model (each value through its property's type mapping and converter, as SaveChanges writes it), so the rows
/// are the ones SaveChanges would write. The entities are not tracked.
/// <para>
/// Why: on SQLite an INSERT into Products fires the search-index triggers, so each statement opens a statement journal,
/// and each statement journal makes both FTS5 indexes write what they hold to disk as a new segment and merge segments.
/// Row by row, that took a quarter of the time of an import's new products (docs/performance.md, "CSV export and
/// import").
/// </para>
/// </summary>
public static class MultiRowInsert
{
    public static async Task InsertAllAsync<TEntity>(this DbContext db, IReadOnlyCollection<TEntity> entities, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        var (entityType, table) = SqlRowValues.TableOf<TEntity>(db);
        var properties = entityType.GetProperties().Where(p => !LeftToDatabase(p, entities)).ToList();
        if (properties.Any(p => p.IsShadowProperty()))
        {
            throw new NotSupportedException($"{entityType.DisplayName()} has values outside its CLR properties; add it with SaveChanges.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";
        var getters = properties.Select(p => p.GetGetter()).ToList();

        await using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
        var rows = entities.ToList();
        for (var next = 0; next < rows.Count;)
        {
            var text = new StringBuilder(head);
            var values = new SqlRowValues(db, parameterFactory, properties);
            for (; next < rows.Count && values.HasRoomForRow; next++)
            {
                values.BeginRow(text);
                for (var i = 0; i < properties.Count; i++)
                {
                    values.Append(i == 0 ? text : text.Append(", "), properties[i], getters[i].GetClrValueUsingContainingEntity(rows[next]));
                }

                text.Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(text.ToString(), values.Parameters, cancellationToken);
        }
    }

    /// <summary>
    /// Whether the database makes the property's value, as SaveChanges would let it: a generated key left at its default
    /// (an autoincrement id). A generated key set on some entities and not on others is refused.
    /// </summary>
    private static bool LeftToDatabase<TEntity>(IProperty property, IReadOnlyCollection<TEntity> entities)
        where TEntity : class
    {
        if (!property.IsPrimaryKey() || !property.ValueGenerated.HasFlag(ValueGenerated.OnAdd))
        {
            return false;
        }

        var getter = property.GetGetter();
        var unset = entities.Count(entity => getter.HasSentinelValueUsingContainingEntity(entity));
        return unset == 0 ? false
            : unset == entities.Count ? true
            : throw new NotSupportedException($"Some of the {property.DeclaringType.DisplayName()} rows have a {property.Name} and some do not.");
    }
}
