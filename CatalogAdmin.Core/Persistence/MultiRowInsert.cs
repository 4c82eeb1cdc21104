using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CatalogAdmin.Core.Persistence;

/// <summary>
/// Inserts many new entities with one <c>INSERT … VALUES (…), (…), …</c> statement per few dozen rows (see
/// <see cref="MaxParametersPerStatement"/>), where SaveChanges sends one INSERT per entity. Columns, names and values
/// come from the EF Core model (each value through its property's type mapping and converter, as SaveChanges writes
/// it), so the rows are the ones SaveChanges would write. The entities are not tracked.
/// <para>
/// Why: on SQLite an INSERT into Products fires the search-index triggers, so each statement opens a statement journal,
/// and each statement journal makes both FTS5 indexes write what they hold to disk as a new segment and merge segments.
/// Row by row, that took a quarter of the time of an import's new products (docs/performance.md, "CSV export and
/// import").
/// </para>
/// </summary>
public static class MultiRowInsert
{
    /// <summary>
    /// Rows per statement × columns. SQLite finds each parameter of a statement by name in a list, so binding costs the
    /// square of the count. Applying an import of 100,000 rows (50,000 new products) to 1M products took 33.6 s with one
    /// INSERT per product, 26.2 s with 250 parameters, 26.6 s with 500 (35 products a statement), 29.6 s with 1,000 and
    /// 89.6 s with 30,000.
    /// </summary>
    private const int MaxParametersPerStatement = 500;

    public static async Task InsertAllAsync<TEntity>(this DbContext db, IReadOnlyCollection<TEntity> entities, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table)
            ?? throw new NotSupportedException($"{entityType.DisplayName()} is not mapped to a table.");
        var properties = entityType.GetProperties().ToList();
        if (properties.Any(p => p.IsShadowProperty()) || entityType.GetComplexProperties().Any())
        {
            throw new NotSupportedException($"{entityType.DisplayName()} has values outside its CLR properties; add it with SaveChanges.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
        var getters = properties.Select(p => p.GetGetter()).ToList();

        // Only a factory for parameters: each type mapping makes its own kind, set up as SaveChanges sets it up.
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in entities.Chunk(Math.Max(1, MaxParametersPerStatement / properties.Count)))
        {
            var text = new StringBuilder(head);
            var parameters = new List<DbParameter>(chunk.Length * properties.Count);
            foreach (var entity in chunk)
            {
                text.Append(parameters.Count == 0 ? "(" : ", (");
                for (var i = 0; i < properties.Count; i++)
                {
                    var name = $"p{parameters.Count}";
                    text.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    var value = getters[i].GetClrValueUsingContainingEntity(entity);
                    parameters.Add(mappings[i].CreateParameter(factory, sql.GenerateParameterName(name), value, properties[i].IsNullable));
                }

                text.Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
        }
    }
}
