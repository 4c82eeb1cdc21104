using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CatalogAdmin.Core.Persistence;

/// <summary>
/// The values of many rows of one statement (<see cref="MultiRowInsert"/>, <see cref="MultiRowUpdate"/>), each as SaveChanges
/// stores it: numbers, ids and times as SQL literals made by the property's type mapping (with its converter, as EF Core
/// writes literals), text, bytes and nulls as parameters.
/// <para>
/// Why literals: SQLite finds each parameter by name in a list, when it parses the statement and again when each one is
/// bound, so a statement's parameters cost the square of their number. A bulk price change of 100,000 products with
/// every value a parameter spent 12 % of its time comparing parameter names (docs/performance.md, "Bulk actions").
/// Values whose literal is a number, a quoted id or a quoted time never carry text from a user.
/// </para>
/// </summary>
internal sealed class SqlRowValues
{
    /// <summary>
    /// Parameters a statement may have (see the square above). Measured on the history entries of a bulk price change of
    /// 100,000 products (one parameter a row, its changes): 2.5 s of inserts with 500 a statement, 2.0 s with 100.
    /// </summary>
    public const int MaxParametersPerStatement = 100;

    /// <summary>
    /// Rows a statement may have. Larger statements held more memory, likely SQLite's statement journal (a copy of each
    /// page a statement changes, kept in memory here until the statement ends): applying an import of 100,000 rows grew
    /// private memory by 288 MB with 1,000 rows a statement, 193 MB with 200, in the same time (16.5 s), against a budget
    /// of 300 MB (docs/performance.md).
    /// </summary>
    public const int MaxRowsPerStatement = 200;

    private static readonly HashSet<Type> LiteralTypes =
    [
        typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long), typeof(decimal),
        typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan),
    ];

    private readonly ISqlGenerationHelper _sql;
    private readonly DbCommand _parameterFactory;
    private readonly int _parametersPerRow;
    private readonly Dictionary<IProperty, bool> _literal = [];
    private readonly List<DbParameter> _parameters = [];
    private readonly Dictionary<(RelationalTypeMapping, bool, object?), string> _names = [];

    /// <param name="parameterFactory">Only a factory for parameters: each type mapping makes its own kind, set up as SaveChanges sets it up.</param>
    /// <param name="properties">A row's properties.</param>
    public SqlRowValues(DbContext db, DbCommand parameterFactory, IEnumerable<IProperty> properties)
    {
        _sql = db.GetService<ISqlGenerationHelper>();
        _parameterFactory = parameterFactory;
        foreach (var property in properties)
        {
            _literal.TryAdd(property, IsLiteral(property)); // once a statement, not once a value
        }

        _parametersPerRow = _literal.Count(p => p.Key.IsNullable || !p.Value);
    }

    public IReadOnlyList<DbParameter> Parameters => _parameters;

    public int Rows { get; private set; }

    /// <summary>The entity type and the one table it is mapped to, whole: no complex properties stored beside it.</summary>
    public static (IEntityType EntityType, StoreObjectIdentifier Table) TableOf<TEntity>(DbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table)
            ?? throw new NotSupportedException($"{entityType.DisplayName()} is not mapped to a table.");
        return entityType.GetComplexProperties().Any()
            ? throw new NotSupportedException($"{entityType.DisplayName()} has values outside its columns; save it with SaveChanges.")
            : (entityType, table);
    }

    /// <summary>Whether the statement takes another row, whatever its values.</summary>
    public bool HasRoomForRow => Rows < MaxRowsPerStatement && _parameters.Count + _parametersPerRow <= MaxParametersPerStatement;

    /// <summary>Opens the next row: "(" or ", (".</summary>
    public void BeginRow(StringBuilder text)
    {
        text.Append(Rows == 0 ? "(" : ", (");
        Rows++;
    }

    /// <param name="typed">
    /// Whether to cast the value to the column's type. The first row of <c>FROM (VALUES …)</c> needs it on PostgreSQL,
    /// which otherwise takes a quoted literal (an id, a time) for text.
    /// </param>
    public void Append(StringBuilder text, IProperty property, object? value, bool typed = false)
    {
        var mapping = property.GetRelationalTypeMapping();
        if (typed)
        {
            text.Append("CAST(");
        }

        if (value is not null && _literal[property])
        {
            text.Append(mapping.GenerateSqlLiteral(value));
        }
        else
        {
            // One parameter for each distinct value (the same user's name on every row is one).
            var key = (mapping, property.IsNullable, value);
            if (!_names.TryGetValue(key, out var name))
            {
                name = $"p{_parameters.Count}";
                _names.Add(key, name);
                _parameters.Add(mapping.CreateParameter(_parameterFactory, _sql.GenerateParameterName(name), value, property.IsNullable));
            }

            text.Append(_sql.GenerateParameterNamePlaceholder(name));
        }

        if (typed)
        {
            text.Append(" AS ").Append(mapping.StoreType).Append(')');
        }
    }

    /// <summary>Whether the property's literal is a number, a quoted id or time, or an enum's name: never a user's text.</summary>
    private static bool IsLiteral(IProperty property)
    {
        var mapping = property.GetRelationalTypeMapping();
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        var model = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return LiteralTypes.Contains(Nullable.GetUnderlyingType(stored) ?? stored) || model.IsEnum;
    }
}
