namespace CatalogAdmin.Core;

/// <summary>
/// The rules of one request type, kept in the same file as the request. Every implementation in Core
/// is registered by <see cref="DependencyInjection.AddCatalogCore"/> and run by the validation
/// behaviour before the handler.
/// </summary>
public interface IRequestValidator<in TRequest>
{
    Task ValidateAsync(TRequest request, ValidationErrors errors, CancellationToken cancellationToken);
}

/// <summary>Collects messages per property name while a request is validated.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public bool Has(string property) => _errors.ContainsKey(property);

    public void Add(string property, string message)
    {
        if (!_errors.TryGetValue(property, out var messages))
        {
            _errors[property] = messages = [];
        }

        messages.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new RequestValidationException(ToDictionary());
        }
    }
}
