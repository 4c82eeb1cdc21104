namespace CatalogAdmin.Core;

/// <summary>
/// Marks a request that changes data. The pipeline logs it at Information (a read only at Debug) and, before it
/// runs, confirms against the staff accounts that the sender is still active in a role that allows it.
/// </summary>
public interface ICommand;

/// <summary>
/// A request that names what it concerns in its log line (e.g. Product 0195…). Never its values: they can hold
/// passwords or whole descriptions.
/// </summary>
public interface IHasLogSubject
{
    LogSubject LogSubject { get; }
}

/// <summary>The kind and key of the thing a request concerns.</summary>
public readonly record struct LogSubject(string Kind, object Key);
