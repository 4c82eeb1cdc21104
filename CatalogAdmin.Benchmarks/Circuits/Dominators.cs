namespace CatalogAdmin.Benchmarks.Circuits;

/// <summary>
/// Who dominates whom in a graph: an object's immediate dominator is the nearest object every path from the root to
/// it passes through, so what an object dominates is what would go if it went.
/// </summary>
internal static class Dominators
{
    /// <summary>Immediate dominators (Cooper, Harvey and Kennedy's iterative algorithm) and the reverse postorder from the root.</summary>
    public static (List<int> Order, int[] Idom) Compute(List<int>[] successors, int root)
    {
        var count = successors.Length;
        var postorder = new int[count];
        var order = new List<int>(count);
        var visited = new bool[count];
        var stack = new Stack<(int Node, int Next)>();
        visited[root] = true;
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < successors[node].Count)
            {
                stack.Push((node, next + 1));
                var target = successors[node][next];
                if (!visited[target])
                {
                    visited[target] = true;
                    stack.Push((target, 0));
                }
            }
            else
            {
                postorder[node] = order.Count;
                order.Add(node);
            }
        }

        order.Reverse();
        var predecessors = new List<int>[count];
        for (var node = 0; node < count; node++) predecessors[node] = [];
        foreach (var node in order)
        {
            foreach (var target in successors[node]) predecessors[target].Add(node);
        }

        var idom = new int[count];
        Array.Fill(idom, -1);
        idom[root] = root;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var node in order.Skip(1))
            {
                var candidate = -1;
                foreach (var predecessor in predecessors[node])
                {
                    if (idom[predecessor] != -1) candidate = candidate == -1 ? predecessor : Intersect(predecessor, candidate);
                }

                if (idom[node] != candidate)
                {
                    idom[node] = candidate;
                    changed = true;
                }
            }
        }

        return (order, idom);

        int Intersect(int a, int b)
        {
            while (a != b)
            {
                while (postorder[a] < postorder[b]) a = idom[a];
                while (postorder[b] < postorder[a]) b = idom[b];
            }

            return a;
        }
    }
}
