using Microsoft.Diagnostics.Runtime;

namespace CatalogAdmin.Benchmarks.Circuits;

/// <summary>
/// The live objects of a heap dump as a graph: every object reachable from the GC's roots, its type, its size and
/// the objects it references (dependent handles included, as the GC counts them).
/// </summary>
internal sealed class HeapGraph : IDisposable
{
    private readonly DataTarget _target;
    private readonly Dictionary<ulong, int> _indexOf = [];
    private readonly List<ulong> _addresses = [];
    private readonly List<int> _types = [];
    private readonly List<long> _sizes = [];
    private readonly List<ClrType> _typeList = [];
    private readonly Dictionary<ClrType, int> _typeIndex = [];
    private int[] _edgeStart = [];
    private int[] _edges = [];
    private readonly List<int> _roots = [];

    private HeapGraph(DataTarget target, ClrRuntime runtime)
    {
        _target = target;
        Runtime = runtime;
    }

    public ClrRuntime Runtime { get; }

    public ClrHeap Heap => Runtime.Heap;

    public int Count => _addresses.Count;

    public static HeapGraph Load(string dumpFile)
    {
        var target = DataTarget.LoadDump(dumpFile);
        var clr = target.ClrVersions.Single();
        // The dump reader (DAC) ships with the runtime: the one beside the libcoreclr the server loaded (this machine's).
        // A heap-only dump lacks the runtime's version resource, so ClrMD cannot compare versions; the folder vouches for it.
        var dac = Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName) ?? "", "libmscordaccore.so");
        var graph = new HeapGraph(target, File.Exists(dac) ? clr.CreateRuntime(dac, ignoreMismatch: true) : clr.CreateRuntime());
        graph.Build();
        return graph;
    }

    public ulong Address(int node) => _addresses[node];

    public ClrType Type(int node) => _typeList[_types[node]];

    public int TypeId(int node) => _types[node];

    public ClrType TypeById(int typeId) => _typeList[typeId];

    public int TypeCount => _typeList.Count;

    public long Size(int node) => _sizes[node];

    public ClrObject Object(int node) => Heap.GetObject(_addresses[node]);

    public int? NodeOf(ulong address) => _indexOf.TryGetValue(address, out var node) ? node : null;

    /// <summary>The objects the GC's roots (stacks, handles, statics) refer to.</summary>
    public IReadOnlyList<int> Roots => _roots;

    public ReadOnlySpan<int> References(int node) => _edges.AsSpan(_edgeStart[node], _edgeStart[node + 1] - _edgeStart[node]);

    /// <summary>The live object a field of <paramref name="node"/> refers to, if any.</summary>
    public int? Field(int node, string name)
    {
        var value = Object(node).TryReadObjectField(name, out var target) ? target : default;
        return value.IsNull ? null : NodeOf(value.Address);
    }

    /// <summary>Marks the live objects (a walk from the roots over the whole heap) and records their references.</summary>
    private void Build()
    {
        var heap = Heap;
        var pending = new Stack<ulong>();
        var rootAddresses = new HashSet<ulong>();
        foreach (var root in heap.EnumerateRoots())
        {
            if (!root.Object.IsNull && root.Object.IsValid && rootAddresses.Add(root.Object.Address)) pending.Push(root.Object.Address);
        }

        var references = new List<ulong[]>();
        while (pending.Count > 0)
        {
            var address = pending.Pop();
            if (_indexOf.ContainsKey(address)) continue;
            var obj = heap.GetObject(address);
            if (!obj.IsValid || obj.IsFree) continue;
            _indexOf[address] = _addresses.Count;
            _addresses.Add(address);
            if (!_typeIndex.TryGetValue(obj.Type!, out var typeId))
            {
                typeId = _typeList.Count;
                _typeList.Add(obj.Type!);
                _typeIndex[obj.Type!] = typeId;
            }

            _types.Add(typeId);
            _sizes.Add((long)obj.Size);
            var targets = obj.ContainsPointers ? obj.EnumerateReferenceAddresses(carefully: false, considerDependantHandles: true).ToArray() : [];
            references.Add(targets);
            foreach (var target in targets)
            {
                if (!_indexOf.ContainsKey(target)) pending.Push(target);
            }
        }

        _edgeStart = new int[_addresses.Count + 1];
        var edges = new List<int>();
        for (var node = 0; node < _addresses.Count; node++)
        {
            _edgeStart[node] = edges.Count;
            foreach (var target in references[node])
            {
                if (_indexOf.TryGetValue(target, out var to)) edges.Add(to);
            }
        }

        _edgeStart[^1] = edges.Count;
        _edges = [.. edges];
        foreach (var address in rootAddresses)
        {
            if (_indexOf.TryGetValue(address, out var node)) _roots.Add(node);
        }
    }

    public void Dispose()
    {
        Runtime.Dispose();
        _target.Dispose();
    }
}
