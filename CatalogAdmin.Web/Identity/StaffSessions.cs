using System.Collections.Concurrent;

namespace CatalogAdmin.Web.Identity;

/// <summary>
/// Ends a staff member's open sessions at once: told by the staff directory when an account is locked, gets another
/// role or a new password, and by sign-out. This server's circuits are in <see cref="OpenCircuits"/>; with several app
/// instances an implementation would also tell the others (e.g. over the database's notification channel), each
/// ending its own circuits. Cookies need no telling: their security stamp changed, and the stamp is checked.
/// </summary>
public interface IStaffSessions
{
    void EndSessionsOf(string userId, SessionEnd reason = SessionEnd.AccessChanged);
}

/// <summary>Why sessions end, which decides where their pages go: sign-in (and back), or "You have signed out".</summary>
public enum SessionEnd
{
    /// <summary>Locked, another role, a new password: the page goes to sign-in, and back to where it was after.</summary>
    AccessChanged,

    /// <summary>The staff member signed out (in any tab): every page says so.</summary>
    SignedOut,
}

/// <summary>The open circuits of this server by staff member, each with how to end it.</summary>
internal sealed class OpenCircuits(ILogger<OpenCircuits> logger) : IStaffSessions
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Registration, byte>> _byUser = new(StringComparer.Ordinal);

    /// <summary>Adds a circuit of <paramref name="userId"/>; disposing the result removes it.</summary>
    public IDisposable Add(string userId, Func<SessionEnd, Task> end)
    {
        var registration = new Registration(this, userId, end);
        _byUser.GetOrAdd(userId, _ => new()).TryAdd(registration, 0);
        return registration;
    }

    public int CountOf(string userId) => _byUser.TryGetValue(userId, out var circuits) ? circuits.Count : 0;

    public void EndSessionsOf(string userId, SessionEnd reason = SessionEnd.AccessChanged)
    {
        if (!_byUser.TryRemove(userId, out var circuits))
        {
            return;
        }

        foreach (var circuit in circuits.Keys)
        {
            _ = EndAsync(circuit, reason);
        }
    }

    private async Task EndAsync(Registration circuit, SessionEnd reason)
    {
        try
        {
            await circuit.End(reason);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not end a circuit of staff member {UserId}", circuit.UserId);
        }
    }

    private void Remove(Registration registration)
    {
        if (_byUser.TryGetValue(registration.UserId, out var circuits))
        {
            circuits.TryRemove(registration, out _);
        }
    }

    private sealed class Registration(OpenCircuits owner, string userId, Func<SessionEnd, Task> end) : IDisposable
    {
        public string UserId => userId;

        public Func<SessionEnd, Task> End => end;

        public void Dispose() => owner.Remove(this);
    }
}
