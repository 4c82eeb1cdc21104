namespace CatalogAdmin.Benchmarks.Circuits;

/// <summary>The profile as text, per circuit.</summary>
internal sealed partial class HeapProfile
{
    public void Print(TextWriter output)
    {
        var n = (double)_circuits;
        var growth = (_loadedBytes - _baselineBytes) / n;
        output.WriteLine($"Live objects in the dumps: {_baselineBytes / 1024:N0} KB -> {_loadedBytes / 1024:N0} KB: {growth / 1024:N0} KB per circuit " +
            $"({_growth.Values.Sum(t => t.Count) / n:N0} objects).");
        output.WriteLine();
        output.WriteLine("Top 20 types per circuit (difference of the dumps / N):");
        output.WriteLine($"{"KB",8} {"objects",8}  type");
        foreach (var (type, total) in _growth.OrderByDescending(entry => entry.Value.Bytes).Take(20))
        {
            output.WriteLine($"{total.Bytes / 1024.0 / n,8:N1} {total.Count / n,8:N0}  {type}");
        }

        if (_walked == 0)
        {
            output.WriteLine("No connected circuit opened after the baseline found in the dump.");
            return;
        }

        var w = (double)_walked;
        var owned = _holders.Values.Sum(h => h.Bytes) / w;
        output.WriteLine();
        output.WriteLine($"Held by each circuit alone (walk from its CircuitHost, mean of the {_walked} circuits opened after the baseline; {_leftOut} others left out): " +
            $"{owned / 1024:N0} KB, {100 * owned / growth:N0} % of the growth per circuit. Reached by several circuits: {_sharedBetweenCircuits / 1024.0:N0} KB in all.");
        var components = _holders.Where(h => h.Key.StartsWith(ComponentPrefix, StringComparison.Ordinal)).ToList();
        var services = _holders.Where(h => h.Key.StartsWith(ServicePrefix, StringComparison.Ordinal)).ToList();
        output.WriteLine($"  components {components.Sum(h => h.Value.Bytes) / 1024.0 / w:N0} KB ({components.Sum(h => h.Value.Instances) / w:N0}), " +
            $"scoped services {services.Sum(h => h.Value.Bytes) / 1024.0 / w:N0} KB ({services.Sum(h => h.Value.Instances) / w:N0}), " +
            $"the circuit's other parts {(owned - (components.Concat(services).Sum(h => h.Value.Bytes) / w)) / 1024:N0} KB.");
        output.WriteLine("  scoped services, KB: " + string.Join(", ", services.OrderByDescending(h => h.Value.Bytes)
            .Select(h => $"{h.Key[ServicePrefix.Length..]}{(h.Value.Instances / w > 1.5 ? $" ×{h.Value.Instances / w:N0}" : "")} {h.Value.Bytes / 1024.0 / w:N1}")));
        output.WriteLine();
        output.WriteLine("By holder (the nearest component, scoped service or part of the circuit that alone keeps it), per circuit, 2 KB and more:");
        output.WriteLine($"{"KB",8} {"count",6}  holder  [largest types inside, KB]");
        foreach (var (holder, entry) in _holders.Where(h => h.Value.Bytes / w >= 2048).OrderByDescending(h => h.Value.Bytes))
        {
            var inside = string.Join(", ", entry.Types.OrderByDescending(t => t.Value).Take(3).Select(t => $"{t.Key} {t.Value / 1024.0 / w:N1}"));
            output.WriteLine($"{entry.Bytes / 1024.0 / w,8:N1} {entry.Instances / w,6:N0}  {holder}  [{inside}]");
        }

        var rest = _holders.Values.Where(h => h.Bytes / w < 2048).ToList();
        output.WriteLine($"{rest.Sum(h => h.Bytes) / 1024.0 / w,8:N1} {rest.Sum(h => h.Instances) / w,6:N0}  {rest.Count} holders under 2 KB each");

        output.WriteLine();
        var previous = _renderTrees.Previous.Values.Aggregate(default(TypeTotal), (a, b) => a + b);
        output.WriteLine($"Render-tree buffers (RenderTreeFrame[], at least 32 frames each): {(_renderTrees.LastBytes + previous.Bytes) / 1024.0 / w:N0} KB per circuit. " +
            $"Last render's trees {_renderTrees.LastBytes / 1024.0 / w:N0} KB ({100.0 * _renderTrees.LastFrames / Math.Max(1, _renderTrees.LastCapacity):N0} % of their frames in use); " +
            $"the trees before them, kept by the {previous.Count / w:N0} components that rendered twice or more, {previous.Bytes / 1024.0 / w:N0} KB: " +
            string.Join(", ", _renderTrees.Previous.OrderByDescending(c => c.Value.Bytes).Take(8).Select(c => $"{c.Key} ×{c.Value.Count / w:N0} {c.Value.Bytes / 1024.0 / w:N1}")) + ".");

        if (_serializerCache.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"JS interop serializer cache (the circuit's RemoteJSRuntime JsonSerializerOptions), {_serializerCache.Values.Sum() / 1024.0 / w:N0} KB per circuit, by type serialized:");
            output.WriteLine("  " + string.Join(", ", _serializerCache.OrderByDescending(c => c.Value).Take(200).Select(c => $"{c.Key} {c.Value / 1024.0 / w:N1}")) +
                $", {Math.Max(0, _serializerCache.Count - 200)} more {_serializerCache.OrderByDescending(c => c.Value).Skip(200).Sum(c => c.Value) / 1024.0 / w:N1}");
        }

        output.WriteLine();
        output.WriteLine("Components with all they render (their own holdings plus their children's), per circuit, 8 KB and more:");
        PrintComponents(output, w, parent: null);

        output.WriteLine();
        output.WriteLine($"Per circuit but not its own (difference of the dumps minus the walk): {(growth - owned) / 1024:N0} KB. Server connections per circuit: " +
            $"{(_httpConnections.Loaded - _httpConnections.Baseline) / n:N1} TCP ({(_webSockets.Loaded - _webSockets.Baseline) / n:N1} of them the circuit's WebSocket; " +
            "the others are the browser's idle keep-alive connections from loading the page). Top 10 types:");
        foreach (var (type, bytes, count) in _growth
            .Select(g => (Type: g.Key, Bytes: g.Value.Bytes / n - _ownedTypes.GetValueOrDefault(g.Key).Bytes / w, Count: g.Value.Count / n - _ownedTypes.GetValueOrDefault(g.Key).Count / w))
            .OrderByDescending(g => g.Bytes).Take(10))
        {
            output.WriteLine($"{bytes / 1024,8:N1} {count,8:N0}  {type}");
        }
    }

    private void PrintComponents(TextWriter output, double circuits, ComponentNode? parent)
    {
        foreach (var node in _componentTree.Values
            .Where(c => c.Depth == (parent?.Depth + 1 ?? 0) && (parent is null || c.Key.StartsWith(parent.Key + " > ", StringComparison.Ordinal)) && c.Bytes / circuits >= 8192)
            .OrderByDescending(c => c.Bytes))
        {
            var instances = node.Instances / circuits > 1.5 ? $" ×{node.Instances / circuits:N0}" : "";
            output.WriteLine($"{node.Bytes / 1024.0 / circuits,8:N1} {new string(' ', 2 * node.Depth)}{node.Name}{instances}");
            PrintComponents(output, circuits, node);
        }
    }
}
