using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Ranking;

namespace AnatomyBot.Core.Linkage;

/// <summary>The anatomy indexed once for the engine: every element numbered in (layer, id) order, the upward closure
/// of each element (component → logic using it → stages listing that logic → their and their value stream's outcomes)
/// and the elements below each (its closure's inverse), compiled component path globs, one BM25 index per layer and the
/// abbreviations of the anatomy's words.</summary>
internal sealed class AnatomyIndex
{
    private readonly Dictionary<string, int> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Bm25Index[] _bm25 = new Bm25Index[(int)Layer.Component + 1];

    public AnatomyIndex(EnterpriseAnatomy anatomy)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        Elements =
        [
            .. anatomy.Elements
                .OrderBy(e => e.Layer)
                .ThenBy(e => e.Id, StringComparer.Ordinal),
        ];
        for (var i = 0; i < Elements.Length; i++)
        {
            _byId[Elements[i].Id] = i;
        }

        Closures = BuildClosures(anatomy);
        Below = BuildBelow(Closures);
        ComponentGlobs =
        [
            .. anatomy.Components
                .Where(c => _byId.ContainsKey(c.Id))
                .SelectMany(c => c.Paths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => (_byId[c.Id], new PathGlob(p)))),
        ];
        Vocabulary = new TermVocabulary();
        foreach (var element in Elements)
        {
            foreach (var term in TextTerms.All(string.Join(' ', [element.Name, .. element.Aliases, element.Description ?? ""])))
            {
                Vocabulary.Add(term);
            }
        }

        Vocabulary.FindRoots();
        foreach (var layer in (Layer[])[Layer.Outcome, Layer.Stage, Layer.Logic, Layer.Component])
        {
            _bm25[(int)layer] = new Bm25Index(Elements.Where(e => e.Layer == layer), Vocabulary, layer == Layer.Component ? LogicText(anatomy) : null);
        }

        RankPosition = [.. Elements.Select(e => _bm25[(int)e.Layer].PositionOf(e.Id))];
        Abbreviations = Abbreviations.Build(Vocabulary, Elements.SelectMany(e => (IEnumerable<string>)[e.Name, .. e.Aliases, e.Description ?? ""]));
    }

    /// <summary>Elements sorted by layer, then id (ordinal): sorting indices sorts ids.</summary>
    public AnatomyElement[] Elements { get; }

    /// <summary>For each element, itself and every element it implies upward, sorted.</summary>
    public int[][] Closures { get; }

    /// <summary>For each element, the elements below it (those whose closure holds it), sorted: a stage's logic and
    /// their components, a logic's components.</summary>
    public int[][] Below { get; }

    /// <summary>For each element, its position in its layer's BM25 index.</summary>
    public int[] RankPosition { get; }

    public Abbreviations Abbreviations { get; }

    public (int Component, PathGlob Glob)[] ComponentGlobs { get; }

    public TermVocabulary Vocabulary { get; }

    public Bm25Index Bm25(Layer layer) => _bm25[(int)layer];

    public bool TryFind(string id, out int index) => _byId.TryGetValue(id, out index);

    /// <summary>The deepest layer among <paramref name="elements"/>; <see cref="Layer.Unmapped"/> when there are none.</summary>
    public Layer DeepestLayer(List<int> elements)
    {
        var deepest = Layer.Unmapped;
        foreach (var element in elements)
        {
            deepest = (Layer)Math.Max((int)deepest, (int)Elements[element].Layer);
        }

        return deepest;
    }

    /// <summary>Adds each component one of <paramref name="paths"/> lies under (by the component's path globs); the
    /// diagnostic of a glob that ran out of time, or null.</summary>
    public string? AddComponentsMatching(IReadOnlyList<string> paths, List<int> elements)
    {
        string? problem = null;
        if (paths.Count == 0)
        {
            return problem;
        }

        foreach (var (component, glob) in ComponentGlobs)
        {
            foreach (var path in paths)
            {
                try
                {
                    if (glob.IsMatch(path))
                    {
                        elements.Add(component);
                        break;
                    }
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    problem ??= $"the path glob `{glob.Pattern}` took too long on a changed path; that path was not matched to it";
                }
            }
        }

        return problem;
    }

    /// <summary>The closure of <paramref name="elements"/> (sorted in place): every element they imply, sorted, each
    /// once. One element's closure is the index's own array, shared and never written to (most items name one
    /// element, or several of the same); <paramref name="buffer"/> is room for merging several.</summary>
    public int[] ClosureOf(List<int> elements, List<int> buffer)
    {
        if (elements.Count == 0)
        {
            return [];
        }

        elements.Sort();
        if (elements[0] == elements[^1])
        {
            return Closures[elements[0]];
        }

        buffer.Clear();
        for (var i = 0; i < elements.Count; i++)
        {
            if (i == 0 || elements[i] != elements[i - 1])
            {
                buffer.AddRange(Closures[elements[i]]);
            }
        }

        return SortedDistinct(buffer);
    }

    /// <summary>The elements sorted, each once, in an array of their exact count.</summary>
    private static int[] SortedDistinct(List<int> elements)
    {
        elements.Sort();
        var distinct = 1;
        for (var i = 1; i < elements.Count; i++)
        {
            distinct += elements[i] != elements[i - 1] ? 1 : 0;
        }

        var result = new int[distinct];
        result[0] = elements[0];
        for (int i = 1, j = 1; i < elements.Count; i++)
        {
            if (elements[i] != elements[i - 1])
            {
                result[j++] = elements[i];
            }
        }

        return result;
    }

    private int[][] BuildClosures(EnterpriseAnatomy anatomy)
    {
        var up = new List<int>[Elements.Length];
        for (var i = 0; i < up.Length; i++)
        {
            up[i] = [];
        }

        var streamOutcomes = anatomy.ValueStreams.ToDictionary(v => v.Id, v => v.Outcomes, StringComparer.OrdinalIgnoreCase);
        foreach (var stage in anatomy.Stages)
        {
            var from = _byId[stage.Id];
            Link(from, stage.Outcomes, up);
            Link(from, streamOutcomes.GetValueOrDefault(stage.ValueStreamId) ?? [], up);
            foreach (var logic in stage.Logic)
            {
                if (_byId.TryGetValue(logic, out var l))
                {
                    up[l].Add(from);
                }
            }
        }

        foreach (var logic in anatomy.Logic)
        {
            var from = _byId[logic.Id];
            foreach (var component in logic.Components)
            {
                if (_byId.TryGetValue(component, out var c))
                {
                    up[c].Add(from);
                }
            }
        }

        var closures = new int[Elements.Length][];
        for (var i = 0; i < closures.Length; i++)
        {
            var reached = new SortedSet<int>();
            var pending = new Stack<int>();
            pending.Push(i);
            while (pending.Count > 0)
            {
                var next = pending.Pop();
                if (reached.Add(next))
                {
                    up[next].ForEach(pending.Push);
                }
            }

            closures[i] = [.. reached];
        }

        return closures;
    }

    /// <summary>A component's context for ranking: the names, aliases and descriptions of the logic it makes real.</summary>
    private static Func<AnatomyElement, string> LogicText(EnterpriseAnatomy anatomy)
    {
        var text = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var logic in anatomy.Logic)
        {
            foreach (var component in logic.Components)
            {
                (text.TryGetValue(component, out var list) ? list : text[component] = []).AddRange([logic.Name, .. logic.Aliases, logic.Description ?? ""]);
            }
        }

        return component => text.TryGetValue(component.Id, out var list) ? string.Join(' ', list) : "";
    }

    private static int[][] BuildBelow(int[][] closures)
    {
        var below = new List<int>[closures.Length];
        for (var i = 0; i < below.Length; i++)
        {
            below[i] = [];
        }

        for (var element = 0; element < closures.Length; element++) // ascending: each list comes out sorted
        {
            foreach (var above in closures[element])
            {
                if (above != element)
                {
                    below[above].Add(element);
                }
            }
        }

        return [.. below.Select(b => b.ToArray())];
    }

    private void Link(int from, IReadOnlyList<string> outcomeIds, List<int>[] up)
    {
        foreach (var id in outcomeIds)
        {
            if (_byId.TryGetValue(id, out var outcome))
            {
                up[from].Add(outcome);
            }
        }
    }
}
