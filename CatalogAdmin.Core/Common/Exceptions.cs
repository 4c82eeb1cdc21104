namespace CatalogAdmin.Core;

/// <summary>
/// A request was refused because of its values. <see cref="Errors"/> is keyed by the request's
/// property name (e.g. "Sku"), so a form can show each message under its field.
/// </summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public RequestValidationException(string property, string message)
        : this(new Dictionary<string, string[]> { [property] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        "The request has invalid values: " +
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}

/// <summary>The thing a command should change does not exist (any more).</summary>
public sealed class NotFoundException(string entityName, object key)
    : Exception($"{entityName} {key} was not found. It may have been deleted.")
{
    public string EntityName { get; } = entityName;
    public object Key { get; } = key;
}

/// <summary>
/// Someone else saved a newer version of the same thing since the caller read it.
/// Nothing was changed; the caller should reload and decide.
/// </summary>
public sealed class ConcurrencyConflictException(string entityName, object key)
    : Exception($"{entityName} {key} was changed by someone else since it was loaded. Nothing was saved.")
{
    public string EntityName { get; } = entityName;
    public object Key { get; } = key;

    /// <summary>When known, the fields that changed since and their values now (e.g. for a revert that found a later change).</summary>
    public IReadOnlyList<FieldChangedSince> ChangedSince { get; init; } = [];
}

/// <summary>A field someone changed since the caller's view, with its value now (invariant text, null for none).</summary>
public sealed record FieldChangedSince(string Field, string? CurrentValue);
