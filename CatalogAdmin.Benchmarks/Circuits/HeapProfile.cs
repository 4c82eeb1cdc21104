using System.Text.RegularExpressions;
using Microsoft.Diagnostics.Runtime;

namespace CatalogAdmin.Benchmarks.Circuits;

/// <summary>
/// What idle circuits hold, read from two heap dumps of the server (a baseline, then N more circuits), two ways:
/// <list type="bullet">
/// <item>the live objects' difference by type, divided by N: all a circuit costs, its connections included;</item>
/// <item>a walk from each circuit's <c>CircuitHost</c>: the objects only that circuit reaches, each attributed to its
/// nearest dominator that is a component, a scoped service or a part of the circuit, and components summed over all
/// they render.</item>
/// </list>
/// </summary>
internal sealed partial class HeapProfile
{
    private const string CircuitHostType = "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost";
    private const string ComponentStateType = "Microsoft.AspNetCore.Components.Rendering.ComponentState";
    private const string ComponentInterface = "Microsoft.AspNetCore.Components.IComponent";
    private const string ScopeType = "Microsoft.Extensions.DependencyInjection.ServiceLookup.ServiceProviderEngineScope";
    private const string HttpConnectionType = "Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Infrastructure.KestrelConnection<Microsoft.AspNetCore.Connections.ConnectionContext>";
    private const string WebSocketType = "Microsoft.AspNetCore.Http.Connections.Internal.HttpConnectionContext";
    private const string HostLabel = "circuit host (CircuitHost)";
    private const string HostPartPrefix = "circuit › ";
    private const string ComponentPrefix = "component ";
    private const string ServicePrefix = "service ";

    private readonly int _circuits;
    private readonly Dictionary<string, TypeTotal> _growth = [];
    private readonly Dictionary<string, TypeTotal> _ownedTypes = [];
    private readonly Dictionary<string, Holder> _holders = [];
    private readonly Dictionary<string, ComponentNode> _componentTree = [];
    private readonly Dictionary<string, long> _serializerCache = [];
    private readonly RenderTrees _renderTrees = new();
    private long _baselineBytes;
    private long _loadedBytes;
    private int _walked;
    private int _leftOut;
    private long _sharedBetweenCircuits;
    private (int Baseline, int Loaded) _httpConnections;
    private (int Baseline, int Loaded) _webSockets;

    private HeapProfile(int circuits) => _circuits = circuits;

    public static HeapProfile Compare(string baselineDump, string loadedDump, int circuits)
    {
        var profile = new HeapProfile(circuits);
        HashSet<string> baselineCircuits;
        using (var baseline = HeapGraph.Load(baselineDump))
        {
            baselineCircuits = Enumerable.Range(0, baseline.Count)
                .Where(node => baseline.Type(node).Name == CircuitHostType)
                .Select(node => CircuitId(baseline, node))
                .ToHashSet();
            foreach (var (type, total) in TotalsByType(baseline))
            {
                profile._growth[type] = new TypeTotal(-total.Count, -total.Bytes);
                profile._baselineBytes += total.Bytes;
            }

            profile._httpConnections.Baseline = Count(baseline, HttpConnectionType);
            profile._webSockets.Baseline = Count(baseline, WebSocketType);
        }

        using var loaded = HeapGraph.Load(loadedDump);
        foreach (var (type, total) in TotalsByType(loaded))
        {
            profile._growth[type] = profile._growth.GetValueOrDefault(type) + total;
            profile._loadedBytes += total.Bytes;
        }

        profile._httpConnections.Loaded = Count(loaded, HttpConnectionType);
        profile._webSockets.Loaded = Count(loaded, WebSocketType);
        profile.WalkCircuits(loaded, baselineCircuits);
        return profile;
    }

    private static Dictionary<string, TypeTotal> TotalsByType(HeapGraph graph)
    {
        var totals = new Dictionary<string, TypeTotal>();
        for (var node = 0; node < graph.Count; node++)
        {
            var name = ShortName(graph.Type(node).Name);
            totals[name] = totals.GetValueOrDefault(name) + new TypeTotal(1, graph.Size(node));
        }

        return totals;
    }

    private static int Count(HeapGraph graph, string typeName) =>
        Enumerable.Range(0, graph.Count).Count(node => graph.Type(node).Name == typeName);

    /// <summary>
    /// Which objects each circuit alone reaches. A circuit's objects are also reachable from shared ones (a page's
    /// subscription to a singleton broadcaster, the circuit registry), so the shared part is marked first: a walk from
    /// the roots that stops at every circuit's own parts (its host, renderer, DI scope and the services it resolved,
    /// every component and component state). What a host then reaches outside the shared part is its circuit's own,
    /// unless another circuit reaches it too.
    /// </summary>
    private void WalkCircuits(HeapGraph graph, HashSet<string> baselineCircuits)
    {
        var boundary = new bool[graph.Count];
        var isComponentState = new Dictionary<int, bool>();
        var isComponent = new Dictionary<int, bool>();
        var componentOfState = new Dictionary<int, int>();
        var hosts = new List<int>();
        for (var node = 0; node < graph.Count; node++)
        {
            var type = graph.Type(node);
            var typeId = graph.TypeId(node);
            if (type.Name == CircuitHostType)
            {
                hosts.Add(node);
                boundary[node] = true;
            }
            else if (Cached(isComponentState, typeId, () => DerivesFrom(type, ComponentStateType)))
            {
                boundary[node] = true;
                if (graph.Field(node, "<Component>k__BackingField") is { } component) componentOfState[node] = component;
            }
            else if (Cached(isComponent, typeId, () => Implements(type, ComponentInterface)))
            {
                boundary[node] = true;
            }
        }

        var parts = new CircuitParts([], [], componentOfState);
        var measured = new List<int>();
        foreach (var host in hosts)
        {
            if (graph.Field(host, "<Renderer>k__BackingField") is { } renderer)
            {
                boundary[renderer] = true;
                parts.Renderers.Add(renderer);
            }

            if (graph.Field(host, "<Services>k__BackingField") is { } scope && graph.Type(scope).Name == ScopeType)
            {
                boundary[scope] = true;
                parts.Scopes.Add(scope);
                foreach (var service in ScopedServices(graph, scope))
                {
                    boundary[service] = true;
                    parts.Services.Add(service);
                }
            }

            // The circuits opened after the baseline, still connected: the N the difference of the dumps is divided by.
            // A disconnected one (kept a while in case its browser comes back) is not an open page.
            if (!baselineCircuits.Contains(CircuitId(graph, host))
                && graph.Field(host, "<Client>k__BackingField") is { } client && graph.Object(client).ReadField<bool>("<Connected>k__BackingField"))
            {
                measured.Add(host);
            }
        }

        var shared = new bool[graph.Count];
        Walk(graph, graph.Roots, node => !boundary[node], node => shared[node] = true);

        const int None = -1, Several = -2;
        var owner = new int[graph.Count];
        Array.Fill(owner, None);
        foreach (var host in hosts)
        {
            Walk(graph, [host], node => !shared[node], node => owner[node] = owner[node] == None ? host : Several);
        }

        for (var node = 0; node < graph.Count; node++)
        {
            if (owner[node] == Several) _sharedBetweenCircuits += graph.Size(node);
        }

        _leftOut = hosts.Count - measured.Count;
        _walked = measured.Count;
        foreach (var host in measured)
        {
            Attribute(graph, host, owner, parts);
        }
    }

    private static string CircuitId(HeapGraph graph, int host)
    {
        var circuit = graph.Object(host);
        var id = circuit.ReadValueTypeField(circuit.Type!.GetFieldByName("<CircuitId>k__BackingField")!);
        return id.ReadStringField("<Id>k__BackingField", 256) ?? "";
    }

    /// <summary>The instances a DI scope keeps: its resolved services and the disposables it tracks.</summary>
    private static List<int> ScopedServices(HeapGraph graph, int scope)
    {
        var services = new List<int>();
        foreach (var (holderField, arrayField) in new[] { ("<ResolvedServices>k__BackingField", "_entries"), ("_disposables", "_items") })
        {
            if (graph.Field(scope, holderField) is not { } holder || graph.Field(holder, arrayField) is not { } array) continue;
            foreach (var service in graph.References(array))
            {
                if (graph.Type(service).Name != "System.RuntimeType") services.Add(service); // the keys' service types
            }
        }

        return services;
    }

    /// <summary>
    /// One circuit's own objects as a graph from its host, each component merged with its component state. Every
    /// object goes to its nearest dominator that is a holder: a component, a scoped service, the renderer, the DI
    /// scope, or else the part of the circuit directly under the host that alone keeps it.
    /// </summary>
    private void Attribute(HeapGraph graph, int host, int[] owner, CircuitParts parts)
    {
        var stateOfComponent = parts.ComponentOfState
            .Where(pair => owner[pair.Key] == host && owner[pair.Value] == host)
            .ToDictionary(pair => pair.Value, pair => pair.Key);
        var local = new Dictionary<int, int> { [host] = 0 };
        var members = new List<List<int>> { new() { host } };
        for (var node = 0; node < graph.Count; node++)
        {
            if (owner[node] != host || local.ContainsKey(node) || stateOfComponent.ContainsKey(node)) continue;
            local[node] = members.Count;
            members.Add([node]);
            if (parts.ComponentOfState.TryGetValue(node, out var component) && stateOfComponent.ContainsKey(component))
            {
                local[component] = local[node];
                members[^1].Add(component);
            }
        }

        var successors = new List<int>[members.Count];
        for (var id = 0; id < members.Count; id++)
        {
            successors[id] = [];
            foreach (var node in members[id])
            {
                foreach (var target in graph.References(node))
                {
                    if (owner[target] == host && local[target] != id) successors[id].Add(local[target]);
                }
            }
        }

        var (order, idom) = Dominators.Compute(successors, root: 0);
        var label = new string[members.Count];
        var holderOf = new int[members.Count];
        var componentHolders = new Dictionary<int, int>(); // local id → component state
        var componentBytes = new Dictionary<int, long>();  // what each component holds, by local id
        foreach (var id in order)
        {
            var first = members[id][0];
            string? own = null;
            if (parts.ComponentOfState.TryGetValue(first, out var component))
            {
                own = ComponentPrefix + ShortName(graph.Type(component).Name);
                componentHolders[id] = first;
            }
            else if (parts.Services.Contains(first)) own = ServicePrefix + ShortName(graph.Type(first).Name);
            else if (parts.Renderers.Contains(first)) own = "renderer (RemoteRenderer)";
            else if (parts.Scopes.Contains(first)) own = "DI scope";
            else if (id == 0) own = HostLabel;
            else if (idom[id] == 0) own = HostPartPrefix + ShortName(graph.Type(first).Name);

            holderOf[id] = own is not null ? id : holderOf[idom[id]];
            label[id] = own ?? label[idom[id]];
            var holder = _holders.TryGetValue(label[id], out var existing) ? existing : _holders[label[id]] = new Holder();
            if (own is not null) holder.Instances++;
            var bytes = 0L;
            foreach (var node in members[id])
            {
                var type = ShortName(graph.Type(node).Name);
                bytes += graph.Size(node);
                holder.Types[type] = holder.Types.GetValueOrDefault(type) + graph.Size(node);
                _ownedTypes[type] = _ownedTypes.GetValueOrDefault(type) + new TypeTotal(1, graph.Size(node));
            }

            holder.Bytes += bytes;
            if (componentHolders.ContainsKey(holderOf[id])) componentBytes[holderOf[id]] = componentBytes.GetValueOrDefault(holderOf[id]) + bytes;
        }

        CountSerializerCache(graph, members, order, idom, label);
        CountRenderTrees(graph, owner, host, componentHolders.Values, parts.ComponentOfState);

        // Components as the render tree nests them: each one's own holdings, added up its chain of parents.
        foreach (var (id, state) in componentHolders)
        {
            var path = new List<string>();
            for (int? current = state; current is { } c && owner[c] == host; current = graph.Field(c, "<ParentComponentState>k__BackingField"))
            {
                path.Add(ShortName(graph.Type(parts.ComponentOfState.GetValueOrDefault(c, c)).Name));
            }

            path.Reverse();
            for (var depth = 1; depth <= path.Count; depth++)
            {
                var key = string.Join(" > ", path.Take(depth));
                var node = _componentTree.TryGetValue(key, out var found) ? found : _componentTree[key] = new ComponentNode(key, depth - 1, path[depth - 1]);
                node.Bytes += componentBytes.GetValueOrDefault(id);
                if (depth == path.Count) node.Instances++;
            }
        }
    }

    /// <summary>
    /// The JS runtime's serializer options (one per circuit) cache a contract for every type that crossed JS interop,
    /// with emitted property accessors: what each type costs, by the outermost contract (JsonTypeInfo) holding it.
    /// </summary>
    private void CountSerializerCache(HeapGraph graph, List<List<int>> members, List<int> order, int[] idom, string[] label)
    {
        const string Options = HostPartPrefix + "JsonSerializerOptions";
        foreach (var id in order)
        {
            if (label[id] != Options) continue;
            var contract = "the options and their cache";
            for (var up = id; up != 0; up = idom[up])
            {
                var type = ShortName(graph.Type(members[up][0]).Name);
                if (type.StartsWith("JsonTypeInfo<", StringComparison.Ordinal)) contract = type["JsonTypeInfo<".Length..^1];
            }

            _serializerCache[contract] = _serializerCache.GetValueOrDefault(contract) + members[id].Sum(graph.Size);
        }
    }

    /// <summary>
    /// Each component state keeps the tree it rendered last and, once it has rendered twice, the tree before that,
    /// which it keeps to diff its next render against; each in a buffer of at least 32 frames.
    /// </summary>
    private void CountRenderTrees(HeapGraph graph, int[] owner, int host, IEnumerable<int> states, Dictionary<int, int> componentOfState)
    {
        foreach (var state in states)
        {
            foreach (var (field, last) in new[] { ("<CurrentRenderTree>k__BackingField", true), ("_nextRenderTree", false) })
            {
                if (graph.Field(state, field) is not { } builder || graph.Field(builder, "_entries") is not { } entries) continue;
                if (graph.Field(entries, "_items") is not { } items || owner[items] != host) continue; // the shared empty array
                var bytes = graph.Size(items);
                if (last)
                {
                    _renderTrees.LastBytes += bytes;
                    _renderTrees.LastFrames += graph.Object(entries).ReadField<int>("_itemsInUse");
                    _renderTrees.LastCapacity += graph.Object(items).AsArray().Length;
                }
                else
                {
                    var type = ShortName(graph.Type(componentOfState.GetValueOrDefault(state, state)).Name);
                    _renderTrees.Previous[type] = _renderTrees.Previous.GetValueOrDefault(type) + new TypeTotal(1, bytes);
                }
            }
        }
    }

    private static void Walk(HeapGraph graph, IEnumerable<int> starts, Func<int, bool> enter, Action<int> visit)
    {
        var seen = new HashSet<int>();
        var pending = new Stack<int>(starts);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node)) continue;
            visit(node);
            foreach (var target in graph.References(node))
            {
                if (!seen.Contains(target) && enter(target)) pending.Push(target);
            }
        }
    }

    private static bool Cached(Dictionary<int, bool> cache, int key, Func<bool> compute) =>
        cache.TryGetValue(key, out var value) ? value : cache[key] = compute();

    private static bool DerivesFrom(ClrType? type, string baseName)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.Name == baseName) return true;
        }

        return false;
    }

    private static bool Implements(ClrType? type, string interfaceName)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.EnumerateInterfaces().Any(i => i.Name == interfaceName)) return true;
        }

        return false;
    }

    /// <summary>"System.Collections.Generic.List&lt;MudBlazor.MudDialog&gt;" → "List&lt;MudDialog&gt;".</summary>
    private static string ShortName(string? name) => name is null ? "?" : Namespace().Replace(name, "");

    [GeneratedRegex(@"\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_<])")]
    private static partial Regex Namespace();

    private readonly record struct TypeTotal(long Count, long Bytes)
    {
        public static TypeTotal operator +(TypeTotal a, TypeTotal b) => new(a.Count + b.Count, a.Bytes + b.Bytes);
    }

    /// <summary>Each circuit's renderer, DI scope and scoped services, and each component state's component.</summary>
    private sealed record CircuitParts(HashSet<int> Renderers, HashSet<int> Scopes, Dictionary<int, int> ComponentOfState)
    {
        public HashSet<int> Services { get; } = [];
    }

    private sealed class Holder
    {
        public long Bytes { get; set; }

        public long Instances { get; set; }

        public Dictionary<string, long> Types { get; } = [];
    }

    private sealed class RenderTrees
    {
        public long LastBytes { get; set; }

        public long LastFrames { get; set; }

        public long LastCapacity { get; set; }

        public Dictionary<string, TypeTotal> Previous { get; } = [];
    }

    private sealed class ComponentNode(string key, int depth, string name)
    {
        public string Key { get; } = key;

        public int Depth { get; } = depth;

        public string Name { get; } = name;

        public long Bytes { get; set; }

        public long Instances { get; set; }
    }
}
